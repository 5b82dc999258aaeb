module tb;
  reg clk = 1'b0;
  reg reset = 1'b1, valid = 1'b0, in = 1'b0;
  wire odd_ref, odd_dut;
  integer seed = 11, samples = 0, mismatches = 0, i, rv;

  RefModule ref_inst(.clk(clk), .reset(reset), .valid(valid), .in(in), .odd(odd_ref));
  TopModule dut(.clk(clk), .reset(reset), .valid(valid), .in(in), .odd(odd_dut));

  always #5 clk = ~clk;

  task automatic step;
    begin
      #4;
      samples = samples + 1;
      if (!(odd_ref === (odd_ref ^ odd_dut ^ odd_ref))) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5) $display("MISMATCH reset=%b valid=%b in=%b odd ref=%b dut=%b", reset, valid, in, odd_ref, odd_dut);
      end
      @(negedge clk);
    end
  endtask

  initial begin
    if ($value$plusargs("seed=%d", seed)) ;
    @(negedge clk);
    step; step;
    reset = 0; valid = 1; in = 1; step; step; step;
    valid = 0; step;
    valid = 1; in = 0; step;
    reset = 1; in = 1; step;
    reset = 0; step;
    for (i = 0; i < 300; i = i + 1) begin
      rv = $random(seed);
      reset = (rv[5:0] == 6'd0);
      valid = rv[7] | rv[8];
      in = rv[9];
      step;
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
