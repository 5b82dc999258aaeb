module tb;
  reg clk = 1'b0;
  reg reset = 1'b1, en = 1'b0, clear_flag = 1'b0;
  reg [7:0] prescale = 8'd0;
  reg [15:0] compare = 16'd0;
  wire [15:0] count_ref, count_dut;
  wire flag_ref, flag_dut;
  wire [16:0] out_ref = {count_ref, flag_ref};
  wire [16:0] out_dut = {count_dut, flag_dut};
  integer seed = 163, samples = 0, mismatches = 0, cycle = 0, i, k, rv;

  RefModule ref_inst(.clk(clk), .reset(reset), .en(en), .prescale(prescale), .compare(compare),
                     .clear_flag(clear_flag), .count(count_ref), .flag(flag_ref));
  TopModule dut(.clk(clk), .reset(reset), .en(en), .prescale(prescale), .compare(compare),
                .clear_flag(clear_flag), .count(count_dut), .flag(flag_dut));

  always #5 clk = ~clk;

  // A bit matches when the reference is X/Z there, or both bits are equal.
  function automatic bit same17(input [16:0] r, input [16:0] x);
    same17 = (r === (r ^ x ^ r));
  endfunction

  // Inputs are set right after a falling edge; outputs are compared just before the
  // following rising edge, then we move on to the next falling edge.
  task automatic step;
    begin
      #4;
      samples = samples + 1;
      if (!same17(out_ref, out_dut)) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5)
          $display("MISMATCH cycle %0d: reset=%b en=%b prescale=%0d compare=%0d clear_flag=%b count/flag ref=%0d/%b dut=%0d/%b",
                   cycle, reset, en, prescale, compare, clear_flag, count_ref, flag_ref,
                   count_dut, flag_dut);
      end
      @(negedge clk);
      cycle = cycle + 1;
    end
  endtask

  // n cycles with the given settings
  task automatic run(input r_, input e_, input [7:0] p_, input [15:0] c_, input cl_,
                     input integer n);
    begin
      reset = r_; en = e_; prescale = p_; compare = c_; clear_flag = cl_;
      for (k = 0; k < n; k = k + 1) step;
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
    run(1, 1, 8'd0, 16'd5, 0, 2);
    run(0, 1, 8'd0, 16'd5, 0, 14);      // no prescaling: 0..5, reload, flag set
    run(0, 1, 8'd0, 16'd5, 1, 1);       // clear the flag
    run(0, 1, 8'd0, 16'd5, 0, 3);
    run(0, 1, 8'd0, 16'd5, 1, 3);       // clear held through the next match: set wins
    run(0, 1, 8'd0, 16'd5, 0, 4);
    run(0, 1, 8'd2, 16'd3, 1, 1);
    run(0, 1, 8'd2, 16'd3, 0, 20);      // divide by 3
    run(0, 0, 8'd2, 16'd3, 0, 5);       // disabled: everything frozen
    run(0, 0, 8'd2, 16'd3, 1, 1);       // clear works while disabled
    run(0, 1, 8'd2, 16'd3, 0, 10);
    run(0, 1, 8'd0, 16'd0, 1, 6);       // compare 0: every tick matches
    run(0, 1, 8'd0, 16'd12, 1, 10);
    run(0, 1, 8'd0, 16'd4, 0, 3);       // compare lowered below count
    run(0, 1, 8'd5, 16'd4, 1, 8);       // prescale raised
    run(0, 1, 8'd1, 16'd4, 0, 12);      // prescale lowered below pcnt
    run(1, 1, 8'd1, 16'd4, 0, 1);       // reset in the middle
    run(0, 1, 8'd3, 16'd2, 0, 30);
    // wide prescale values: every prescale bit decides when a tick comes
    run(1, 1, 8'd0, 16'd3, 0, 1);
    run(0, 1, 8'h20, 16'd3, 0, 70);
    run(0, 1, 8'h80, 16'd1, 0, 200);
    run(0, 1, 8'hC8, 16'd1, 0, 230);
    run(0, 1, 8'h55, 16'd1, 0, 90);
    run(0, 1, 8'h0A, 16'd1, 0, 24);
    // wide compare values: count runs through every bit up to 0x8000, then wraps on the match
    run(1, 1, 8'd0, 16'h0100, 0, 1);
    run(0, 1, 8'd0, 16'h0100, 0, 260);
    run(0, 1, 8'd0, 16'h040F, 1, 1);
    run(0, 1, 8'd0, 16'h040F, 0, 1040);
    run(0, 1, 8'd0, 16'h8000, 0, 300);
    run(0, 1, 8'd2, 16'h8000, 0, 12);   // count held between ticks with its high bits set
    run(0, 0, 8'd0, 16'h8000, 0, 3);
    for (i = 0; i < 96; i = i + 1) begin   // up to 0x8000, held for a cycle every 337 ticks
      run(0, 1, 8'd0, 16'h8000, 0, 337);
      run(0, 0, 8'd0, 16'h8000, 0, 1);
    end
    run(0, 1, 8'd0, 16'h8000, 0, 140);
    for (i = 0; i < 16; i = i + 1) begin    // compare = one bit: nothing matches at once
      run(1, 1, 8'd0, 16'd1 << i, 0, 1);
      run(0, 1, 8'd0, 16'd1 << i, 0, 3);
    end
    run(1, 1, 8'd0, 16'h0025, 0, 1);
    run(0, 1, 8'd0, 16'h0025, 0, 45);       // a small compare value is reached and matched
    run(1, 1, 8'h30, 16'd2, 0, 1);
    run(0, 1, 8'h30, 16'd2, 0, 20);        // pcnt held while disabled, with bit 4 set
    run(0, 0, 8'h30, 16'd2, 0, 3);
    run(0, 1, 8'h30, 16'd2, 0, 60);
    run(0, 1, 8'hF7, 16'd2, 0, 260);
    run(1, 1, 8'd0, 16'h1000, 0, 1);
    run(0, 1, 8'd0, 16'h1000, 0, 4100);
    run(0, 1, 8'd0, 16'h2A55, 1, 200);
    for (i = 0; i < 300; i = i + 1) begin
      next_rand;
      run(rv[7:0] == 8'd0,
          rv[10:8] != 3'd0,
          (rv[12:11] == 2'd0) ? 8'd0 : (rv[12:11] == 2'd1) ? {6'd0, rv[14:13]} : {4'd0, rv[16:13]},
          (rv[18:17] == 2'd0) ? {8'd0, rv[31:24]} : {11'd0, rv[23:19]},
          rv[21:20] == 2'd0,
          1 + rv[30:27] % 12);
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
