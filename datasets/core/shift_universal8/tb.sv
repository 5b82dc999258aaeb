module tb;
  reg clk = 1'b0;
  reg reset = 1'b1, lsb_in = 1'b0, msb_in = 1'b0;
  reg [1:0] mode = 2'b00;
  reg [7:0] d = 8'h00;
  wire [7:0] q_ref, q_dut;
  integer seed = 83, samples = 0, mismatches = 0, cycle = 0, i, rv;

  RefModule ref_inst(.clk(clk), .reset(reset), .mode(mode), .d(d), .lsb_in(lsb_in),
                     .msb_in(msb_in), .q(q_ref));
  TopModule dut(.clk(clk), .reset(reset), .mode(mode), .d(d), .lsb_in(lsb_in),
                .msb_in(msb_in), .q(q_dut));

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
          $display("MISMATCH cycle %0d: reset=%b mode=%b d=%h lsb_in=%b msb_in=%b q ref=%h dut=%h",
                   cycle, reset, mode, d, lsb_in, msb_in, q_ref, q_dut);
      end
      @(negedge clk);
      cycle = cycle + 1;
    end
  endtask

  task automatic drive(input r_, input [1:0] m_, input [7:0] d_, input l_, input h_);
    begin
      reset = r_; mode = m_; d = d_; lsb_in = l_; msb_in = h_;
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
    drive(1, 2'b11, 8'hFF, 1, 1);
    drive(1, 2'b00, 8'h00, 0, 0);
    drive(0, 2'b11, 8'h96, 0, 0);                          // load
    drive(0, 2'b00, 8'h00, 1, 1);                          // hold
    for (i = 0; i < 4; i = i + 1) drive(0, 2'b01, 8'h00, 1, 0);   // left, ones enter
    for (i = 0; i < 4; i = i + 1) drive(0, 2'b01, 8'h00, 0, 1);   // left, zeros enter
    drive(0, 2'b11, 8'h81, 0, 0);
    for (i = 0; i < 4; i = i + 1) drive(0, 2'b10, 8'h00, 0, 1);   // right, ones enter
    for (i = 0; i < 5; i = i + 1) drive(0, 2'b10, 8'h00, 1, 0);   // right, zeros enter
    drive(0, 2'b11, 8'hF0, 1, 1);
    drive(0, 2'b10, 8'h00, 0, 0);
    drive(1, 2'b01, 8'h00, 1, 1);                          // reset in the middle
    drive(0, 2'b01, 8'h00, 1, 1);
    drive(0, 2'b00, 8'h55, 0, 0);
    drive(0, 2'b11, 8'hA5, 0, 0);
    drive(0, 2'b10, 8'h00, 0, 0);
    drive(1, 2'b11, 8'h3C, 0, 0);                          // reset beats load
    drive(0, 2'b10, 8'h00, 1, 1);
    for (i = 0; i < 600; i = i + 1) begin
      next_rand;
      reset  = (rv[5:0] == 6'd0);
      mode   = (rv[8:6] == 3'd0) ? 2'b11 : (rv[8:6] == 3'd1) ? 2'b00 : {rv[9], ~rv[9]};
      d      = rv[31:24];
      lsb_in = rv[12];
      msb_in = rv[13];
      step;
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
