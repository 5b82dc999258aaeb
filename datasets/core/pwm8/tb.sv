module tb;
  reg clk = 1'b0;
  reg reset = 1'b1;
  reg [7:0] duty = 8'd0;
  wire pwm_ref, pwm_dut;
  integer seed = 137, samples = 0, mismatches = 0, cycle = 0, i, k, rv;

  RefModule ref_inst(.clk(clk), .reset(reset), .duty(duty), .pwm(pwm_ref));
  TopModule dut(.clk(clk), .reset(reset), .duty(duty), .pwm(pwm_dut));

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
      if (!same1(pwm_ref, pwm_dut)) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5)
          $display("MISMATCH cycle %0d: reset=%b duty=%0d pwm ref=%b dut=%b",
                   cycle, reset, duty, pwm_ref, pwm_dut);
      end
      @(negedge clk);
      cycle = cycle + 1;
    end
  endtask

  task automatic run(input r_, input [7:0] d_, input integer n);
    begin
      reset = r_; duty = d_;
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
    run(1, 8'd3, 1);
    run(0, 8'd3, 10);
    run(0, 8'd200, 250);    // change mid-period: takes effect next period
    run(0, 8'd255, 100);
    run(0, 8'd0, 300);
    run(0, 8'd1, 260);
    run(0, 8'd128, 100);
    run(1, 8'd20, 1);       // reset mid-period samples the new duty
    run(0, 8'd0, 40);
    run(0, 8'd255, 250);
    run(1, 8'd0, 2);
    run(0, 8'd10, 260);
    for (i = 0; i < 400; i = i + 1) begin
      next_rand;
      run(rv[9:0] == 10'd0,
          (rv[12:10] == 3'd0) ? 8'd0 : (rv[12:10] == 3'd1) ? 8'd255 : rv[31:24],
          1 + rv[18:14] % 12);
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
