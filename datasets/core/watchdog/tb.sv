module tb;
  reg clk = 1'b0;
  reg reset = 1'b1, load = 1'b0, kick = 1'b0;
  reg [7:0] timeout = 8'd0;
  wire [7:0] count_ref, count_dut;
  wire exp_ref, exp_dut, fault_ref, fault_dut;
  wire [9:0] out_ref = {count_ref, exp_ref, fault_ref};
  wire [9:0] out_dut = {count_dut, exp_dut, fault_dut};
  integer seed = 167, samples = 0, mismatches = 0, cycle = 0, i, k, rv;

  RefModule ref_inst(.clk(clk), .reset(reset), .load(load), .timeout(timeout), .kick(kick),
                     .count(count_ref), .expired(exp_ref), .fault(fault_ref));
  TopModule dut(.clk(clk), .reset(reset), .load(load), .timeout(timeout), .kick(kick),
                .count(count_dut), .expired(exp_dut), .fault(fault_dut));

  always #5 clk = ~clk;

  // A bit matches when the reference is X/Z there, or both bits are equal.
  function automatic bit same10(input [9:0] r, input [9:0] x);
    same10 = (r === (r ^ x ^ r));
  endfunction

  // Inputs are set right after a falling edge; outputs are compared just before the
  // following rising edge, then we move on to the next falling edge.
  task automatic step;
    begin
      #4;
      samples = samples + 1;
      if (!same10(out_ref, out_dut)) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5)
          $display("MISMATCH cycle %0d: reset=%b load=%b timeout=%0d kick=%b count/expired/fault ref=%0d/%b/%b dut=%0d/%b/%b",
                   cycle, reset, load, timeout, kick, count_ref, exp_ref, fault_ref,
                   count_dut, exp_dut, fault_dut);
      end
      @(negedge clk);
      cycle = cycle + 1;
    end
  endtask

  task automatic run(input r_, input l_, input [7:0] t_, input k_, input integer n);
    begin
      reset = r_; load = l_; timeout = t_; kick = k_;
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
    run(1, 0, 8'd0, 0, 2);
    run(0, 0, 8'd0, 0, 520);    // default timeout 255: two expiries, then fault
    run(1, 0, 8'd0, 0, 1);
    run(0, 1, 8'd5, 0, 1);      // load 5
    run(0, 0, 8'd9, 0, 5);
    run(0, 0, 8'd9, 1, 1);      // kick before expiry
    run(0, 0, 8'd9, 0, 8);      // first expiry
    run(0, 0, 8'd9, 1, 1);      // kick clears the missed flag
    run(0, 0, 8'd9, 0, 8);      // expiry again: no fault
    run(0, 0, 8'd9, 0, 5);
    run(0, 0, 8'd9, 1, 1);      // kick exactly when count is 0
    run(0, 0, 8'd9, 0, 14);     // two expiries: fault
    run(0, 0, 8'd9, 1, 3);      // fault is sticky
    run(0, 1, 8'd0, 0, 1);      // timeout 0: expires at every edge
    run(0, 0, 8'd0, 0, 3);
    run(1, 0, 8'd0, 0, 1);      // reset clears the fault
    run(0, 1, 8'd2, 0, 1);
    run(0, 0, 8'd0, 0, 4);
    run(0, 1, 8'd3, 0, 1);      // reload while missed is set
    run(0, 0, 8'd0, 0, 4);
    run(0, 0, 8'd0, 1, 1);
    run(0, 0, 8'd0, 0, 10);
    run(1, 0, 8'd0, 0, 1);      // kick at count 0 after one expiry (missed = 1): no fault
    run(0, 1, 8'd3, 0, 1);      // load 3
    run(0, 0, 8'd3, 0, 7);      // first expiry, then down to 0 again
    run(0, 0, 8'd3, 1, 1);      // the kick prevents the second expiry and its fault
    run(0, 0, 8'd3, 0, 6);
    run(0, 1, 8'd0, 0, 1);      // the same with timeout 0
    run(0, 0, 8'd0, 0, 1);
    run(0, 0, 8'd0, 1, 1);
    run(0, 0, 8'd0, 0, 3);
    run(1, 1, 8'd1, 1, 1);      // reset wins over load
    run(0, 0, 8'd1, 0, 6);
    for (i = 0; i < 1500; i = i + 1) begin
      next_rand;
      reset   = (rv[6:0] == 7'd0);
      load    = (rv[11:7] == 5'd0);
      timeout = (rv[13:12] == 2'd0) ? rv[31:24] : {4'd0, rv[27:24]};
      kick    = (rv[17:15] == 3'd0);
      step;
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
