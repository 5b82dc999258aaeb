module tb;
  reg clk = 1'b0;
  reg reset = 1'b1, en = 1'b0, t = 1'b0;
  wire q_ref, q_dut;
  integer seed = 3, samples = 0, mismatches = 0, i, rv;

  RefModule ref_inst(.clk(clk), .reset(reset), .en(en), .t(t), .q(q_ref));
  TopModule dut(.clk(clk), .reset(reset), .en(en), .t(t), .q(q_dut));

  always #5 clk = ~clk;

  task automatic step;
    begin
      #4;
      samples = samples + 1;
      if (!(q_ref === (q_ref ^ q_dut ^ q_ref))) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5) $display("MISMATCH reset=%b en=%b t=%b q ref=%b dut=%b", reset, en, t, q_ref, q_dut);
      end
      @(negedge clk);
    end
  endtask

  initial begin
    if ($value$plusargs("seed=%d", seed)) ;
    @(negedge clk);
    step; step;
    reset = 0; en = 1; t = 1; step; step; step;
    en = 0; step; step;
    t = 0; en = 1; step;
    t = 1; reset = 1; step;
    reset = 0; step; step;
    for (i = 0; i < 300; i = i + 1) begin
      rv = $random(seed);
      reset = (rv[4:0] == 5'd0);
      en = rv[8];
      t = rv[9];
      step;
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
