module tb;
  reg clk = 0, reset = 1, wr_en = 0, rd_en = 0;
  reg [7:0] wdata = 0;
  wire [7:0] rdata_ref, rdata_dut;
  wire empty_ref, full_ref, afull_ref, empty_dut, full_dut, afull_dut;
  wire [2:0] count_ref, count_dut;
  integer seed = 54, samples = 0, mismatches = 0, cycle = 0, i, bias;
  // rnd() draws: one call per statement (see docs/TASK_FORMAT.md)
  reg [31:0] r0, r1, r2, r3;

  RefModule ref_inst(.clk(clk), .reset(reset), .wr_en(wr_en), .wdata(wdata), .rd_en(rd_en),
                     .rdata(rdata_ref), .empty(empty_ref), .full(full_ref),
                     .almost_full(afull_ref), .count(count_ref));
  TopModule dut(.clk(clk), .reset(reset), .wr_en(wr_en), .wdata(wdata), .rd_en(rd_en),
                .rdata(rdata_dut), .empty(empty_dut), .full(full_dut),
                .almost_full(afull_dut), .count(count_dut));

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
      if (!same({rdata_ref, empty_ref, full_ref, afull_ref, count_ref},
                {rdata_dut, empty_dut, full_dut, afull_dut, count_dut})) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5)
          $display("MISMATCH cycle %0d (reset=%b wr_en=%b wdata=%h rd_en=%b): rdata ref=%h dut=%h empty ref=%b dut=%b full ref=%b dut=%b almost_full ref=%b dut=%b count ref=%0d dut=%0d",
                   cycle, reset, wr_en, wdata, rd_en, rdata_ref, rdata_dut, empty_ref, empty_dut,
                   full_ref, full_dut, afull_ref, afull_dut, count_ref, count_dut);
      end
      @(negedge clk);
      cycle = cycle + 1;
    end
  endtask

  task automatic drive(input r, input w, input [7:0] d, input rd);
    begin
      reset = r; wr_en = w; wdata = d; rd_en = rd;
      step;
    end
  endtask

  initial begin
    if ($value$plusargs("seed=%d", seed)) ;
    @(negedge clk);
    drive(1, 0, 8'h00, 0);
    drive(0, 0, 8'h00, 1);                          // read while empty: ignored
    drive(0, 1, 8'h31, 1);                          // write+read while empty: only the write
    drive(0, 0, 8'h00, 0);                          // 31 falls through
    drive(0, 0, 8'h00, 1);                          // acknowledge it
    drive(0, 0, 8'h00, 0);
    for (i = 0; i < 6; i = i + 1)                   // fill and overfill
      drive(0, 1, 8'h40 + i, 0);
    drive(0, 1, 8'hEE, 1);                          // write+read while full: only the read
    drive(0, 1, 8'hEF, 0);
    for (i = 0; i < 6; i = i + 1)                   // drain past empty
      drive(0, 0, 8'h00, 1);
    for (i = 0; i < 12; i = i + 1)                  // streaming through an almost empty queue
      drive(0, 1, 8'h80 + i, i > 0);
    for (i = 0; i < 3; i = i + 1) drive(0, 1, 8'hC0 + i, 0);
    drive(1, 1, 8'h99, 1);                          // reset during activity
    drive(0, 0, 8'h00, 1);
    drive(0, 1, 8'h55, 0);
    drive(0, 0, 8'h00, 1);
    // random traffic; the write/read bias drifts so the queue visits full and empty often
    bias = 50;
    for (i = 0; i < 2500; i = i + 1) begin
      if (i % 40 == 0) bias = 15 + rnd() % 71;
      r0 = rnd(); r1 = rnd(); r2 = rnd(); r3 = rnd();   // kind, reset/bias, data, strobe
      case (r0 % 8)
        0: drive((r1 % 25) == 0, 1, r2, 1);
        1: drive(0, 0, r2, 0);
        default:
          if ((r1 % 100) < bias) drive(0, 1, r2, (r3 % 4) == 0);
          else drive(0, (r3 % 4) == 0, r2, 1);
      endcase
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
