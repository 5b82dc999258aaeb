module tb;
  reg clk = 0, reset = 1, start = 0;
  reg [7:0] data = 0;
  wire tx_ref, busy_ref, tx_dut, busy_dut;
  integer seed = 98, samples = 0, mismatches = 0, cycle = 0, i, pstart;
  // rnd() draws: one call per statement (see docs/TASK_FORMAT.md)
  reg [31:0] r0, r1, r2;

  RefModule ref_inst(.clk(clk), .reset(reset), .start(start), .data(data),
                     .tx(tx_ref), .busy(busy_ref));
  TopModule dut(.clk(clk), .reset(reset), .start(start), .data(data),
                .tx(tx_dut), .busy(busy_dut));

  always #5 clk = ~clk;

  // Seeded xorshift32 generator: the same sequence in every simulator. (Verilator 5.006's
  // $random(seed) is degenerate: the seed only shifts left, so low bits stick at 0.)
  function automatic [31:0] rnd();
    begin
      if (seed == 0) seed = 32'h2545F491;
      seed = seed ^ (seed << 13);
      seed = seed ^ (seed >> 17);
      seed = seed ^ (seed << 5);
      rnd = seed;
    end
  endfunction

  // A bit matches when the reference is X/Z there, or both bits are equal.
  function automatic bit same(input [31:0] r, input [31:0] d);
    same = (r === (r ^ d ^ r));
  endfunction

  // Inputs are set just after a falling edge; compare 1 time unit later, then wait for the
  // next falling edge. One call = one compared cycle.
  task automatic step;
    begin
      #1;
      samples = samples + 1;
      if (!same({tx_ref, busy_ref}, {tx_dut, busy_dut})) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5)
          $display("MISMATCH cycle %0d (reset=%b start=%b data=%h): tx ref=%b dut=%b busy ref=%b dut=%b",
                   cycle, reset, start, data, tx_ref, tx_dut, busy_ref, busy_dut);
      end
      @(negedge clk);
      cycle = cycle + 1;
    end
  endtask

  task automatic drive(input r, input s, input [7:0] d);
    begin
      reset = r; start = s; data = d;
      step;
    end
  endtask

  initial begin
    if ($value$plusargs("seed=%d", seed)) ;
    @(negedge clk);
    drive(1, 0, 8'h00);
    drive(0, 0, 8'h00);
    drive(0, 1, 8'hA6);                                   // one frame, data then scrambled
    for (i = 0; i < 44; i = i + 1) drive(0, i == 7, ~i);  // start while busy is ignored
    drive(0, 1, 8'h01);                                   // back-to-back frames, start held
    for (i = 0; i < 90; i = i + 1) drive(0, 1, 8'h80 ^ i);
    for (i = 0; i < 20; i = i + 1) drive(0, 0, 8'h00);
    drive(0, 1, 8'hFF);
    for (i = 0; i < 17; i = i + 1) drive(0, 0, 8'h00);
    drive(1, 0, 8'h00);                                   // reset in the middle of a frame
    drive(0, 0, 8'h00);
    drive(0, 1, 8'h3C);
    for (i = 0; i < 45; i = i + 1) drive(0, 0, 8'h00);
    // random starts and data with occasional resets
    pstart = 10;
    for (i = 0; i < 3000; i = i + 1) begin
      if (i % 200 == 0) pstart = 2 + rnd() % 60;
      r0 = rnd(); r1 = rnd(); r2 = rnd();
      drive((r0 % 400) == 0, (r1 % 100) < pstart, r2);
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
