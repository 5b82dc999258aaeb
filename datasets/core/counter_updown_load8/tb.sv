module tb;
  reg clk = 1'b0;
  reg reset = 1'b1, load = 1'b0, en = 1'b0, up = 1'b1;
  reg [7:0] d = 8'd0;
  wire [7:0] q_ref, q_dut;
  integer seed = 11, samples = 0, mismatches = 0, cycle = 0, i, rv;

  RefModule ref_inst(.clk(clk), .reset(reset), .load(load), .en(en), .up(up), .d(d), .q(q_ref));
  TopModule dut(.clk(clk), .reset(reset), .load(load), .en(en), .up(up), .d(d), .q(q_dut));

  always #5 clk = ~clk;

  // A bit matches when the reference is X/Z there, or both bits are equal.
  function automatic bit same8(input [7:0] r, input [7:0] x);
    same8 = (r === (r ^ x ^ r));
  endfunction

  // Inputs are set right after a falling edge; outputs are compared just before the
  // following rising edge, then we move on to the next falling edge.
  task automatic step;
    begin
      #4;
      samples = samples + 1;
      if (!same8(q_ref, q_dut)) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5)
          $display("MISMATCH cycle %0d: reset=%b load=%b en=%b up=%b d=%h q ref=%h dut=%h",
                   cycle, reset, load, en, up, d, q_ref, q_dut);
      end
      @(negedge clk);
      cycle = cycle + 1;
    end
  endtask

  task automatic drive(input r_, input l_, input e_, input u_, input [7:0] d_);
    begin
      reset = r_; load = l_; en = e_; up = u_; d = d_;
      step;
    end
  endtask

  // Seeded xorshift32 generator for the random phase. Verilator 5.006's $random(seed) does
  // not give a usable sequence, so the testbench draws its own numbers: the stimulus is the
  // same in both simulators.
  reg [31:0] rng;
  task automatic next_rand;
    begin
      rng = rng ^ (rng << 13);
      rng = rng ^ (rng >> 17);
      rng = rng ^ (rng << 5);
      rv = rng;
    end
  endtask

  initial begin
    if ($value$plusargs("seed=%d", seed)) ;
    rng = seed ^ 32'h9E3779B9;
    if (rng == 32'd0) rng = 32'd1;
    @(negedge clk);
    drive(1, 0, 0, 1, 8'h00);
    drive(1, 0, 1, 1, 8'h00);
    for (i = 0; i < 5; i = i + 1) drive(0, 0, 1, 1, 8'h00);      // count up
    drive(0, 0, 0, 1, 8'h00);                                   // hold
    drive(0, 0, 0, 0, 8'h00);
    for (i = 0; i < 8; i = i + 1) drive(0, 0, 1, 0, 8'h00);      // down through 0 -> 255
    drive(0, 1, 0, 1, 8'hFC);                                   // load without enable
    for (i = 0; i < 6; i = i + 1) drive(0, 0, 1, 1, 8'h00);      // up through 255 -> 0
    drive(0, 1, 1, 0, 8'h80);                                   // load beats count
    drive(0, 1, 1, 1, 8'h3C);
    drive(0, 0, 1, 0, 8'h00);
    drive(1, 0, 1, 1, 8'h00);                                   // reset in the middle
    drive(0, 0, 1, 1, 8'h00);
    drive(0, 0, 1, 1, 8'h00);
    drive(1, 1, 1, 1, 8'h77);                                   // reset beats load
    drive(0, 1, 0, 0, 8'h01);
    for (i = 0; i < 4; i = i + 1) drive(0, 0, 1, 0, 8'h00);
    for (i = 0; i < 600; i = i + 1) begin
      next_rand;
      reset = (rv[5:0] == 6'd0);
      load  = (rv[9:7] == 3'd0);
      en    = (rv[11:10] != 2'd0);
      up    = (i % 128 < 64) ? (rv[14:12] != 3'd0) : (rv[14:12] == 3'd0);
      d     = (rv[17:15] == 3'd0) ? 8'hFE : (rv[17:15] == 3'd1) ? 8'h01 : rv[31:24];
      step;
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
