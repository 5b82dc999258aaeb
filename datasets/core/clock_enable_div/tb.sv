module tb;
  reg clk = 1'b0;
  reg reset = 1'b1;
  reg [3:0] n = 4'd4;
  wire tick_ref, tick_dut;
  integer seed = 71, samples = 0, mismatches = 0, cycle = 0, i, k, rv;

  RefModule ref_inst(.clk(clk), .reset(reset), .n(n), .tick(tick_ref));
  TopModule dut(.clk(clk), .reset(reset), .n(n), .tick(tick_dut));

  always #5 clk = ~clk;

  // A bit matches when the reference is X/Z there, or both bits are equal.
  function automatic bit same1(input r, input x);
    same1 = (r === (r ^ x ^ r));
  endfunction

  // Inputs are set right after a falling edge; outputs are compared just before the
  // following rising edge, then we move on to the next falling edge.
  task automatic step;
    begin
      #4;
      samples = samples + 1;
      if (!same1(tick_ref, tick_dut)) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5)
          $display("MISMATCH cycle %0d: reset=%b n=%0d tick ref=%b dut=%b",
                   cycle, reset, n, tick_ref, tick_dut);
      end
      @(negedge clk);
      cycle = cycle + 1;
    end
  endtask

  task automatic run(input r_, input [3:0] n_, input integer cycles);
    begin
      reset = r_; n = n_;
      for (k = 0; k < cycles; k = k + 1) step;
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
    run(1, 4'd4, 2);
    run(0, 4'd4, 14);      // period 4
    run(0, 4'd2, 7);       // period 2
    run(0, 4'd1, 5);       // every cycle
    run(0, 4'd0, 5);       // every cycle
    run(0, 4'd3, 10);
    run(0, 4'd15, 33);     // longest period
    run(0, 4'd9, 5);
    run(1, 4'd9, 1);       // reset in the middle of a period
    run(0, 4'd9, 12);
    run(0, 4'd12, 6);
    run(0, 4'd3, 6);       // n lowered below the count
    run(0, 4'd0, 3);
    run(0, 4'd5, 4);
    run(1, 4'd5, 2);
    run(0, 4'd5, 11);
    for (i = 0; i < 60; i = i + 1) begin
      next_rand;
      run(rv[4:0] == 5'd0, (rv[9:8] == 2'd0) ? {3'd0, rv[10]} : rv[15:12], 3 + rv[21:16] % 20);
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
