module tb;
  reg clk = 0, we = 0, re = 0;
  reg [3:0] waddr = 0, raddr = 0;
  reg [7:0] wdata = 0;
  wire [7:0] rdata_ref, rdata_dut;
  integer seed = 187, samples = 0, mismatches = 0, cycle = 0, i, pw, pr;
  // rnd() draws: one call per statement (see docs/TASK_FORMAT.md)
  reg [31:0] r0, r1, r2, r3, r4;
  // rdata is undefined until the first read (X in Icarus, 0 in 2-state Verilator): not compared
  reg rdata_known = 0;

  RefModule ref_inst(.clk(clk), .we(we), .waddr(waddr), .wdata(wdata), .re(re), .raddr(raddr),
                     .rdata(rdata_ref));
  TopModule dut(.clk(clk), .we(we), .waddr(waddr), .wdata(wdata), .re(re), .raddr(raddr),
                .rdata(rdata_dut));

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
      if (rdata_known && !same(rdata_ref, rdata_dut)) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5)
          $display("MISMATCH cycle %0d (we=%b waddr=%0d wdata=%h re=%b raddr=%0d): rdata ref=%h dut=%h",
                   cycle, we, waddr, wdata, re, raddr, rdata_ref, rdata_dut);
      end
      if (re) rdata_known = 1;              // the coming edge loads rdata
      @(negedge clk);
      cycle = cycle + 1;
    end
  endtask

  task automatic drive(input w, input [3:0] wa, input [7:0] wd, input r, input [3:0] ra);
    begin
      we = w; waddr = wa; wdata = wd; re = r; raddr = ra;
      step;
    end
  endtask

  initial begin
    if ($value$plusargs("seed=%d", seed)) ;
    @(negedge clk);
    for (i = 0; i < 16; i = i + 1) drive(1, i, 8'hA0 + i, 0, 0);    // initialise
    for (i = 0; i < 16; i = i + 1) drive(0, 0, 8'h00, 1, 15 - i);   // read back
    drive(0, 0, 8'h00, 0, 3);                  // re = 0: rdata holds
    drive(0, 0, 8'h00, 0, 7);
    drive(1, 5, 8'h55, 1, 5);                  // read-during-write: old data (A5)
    drive(0, 0, 8'h00, 1, 5);                  // then new data (55)
    drive(1, 5, 8'h66, 0, 5);                  // write without read: rdata holds
    drive(0, 0, 8'h00, 0, 5);
    drive(0, 0, 8'h00, 1, 5);
    drive(0, 0, 8'h00, 0, 0);
    for (i = 0; i < 16; i = i + 1) drive(1, i, ~i, 1, i);            // RDW on every word
    for (i = 0; i < 16; i = i + 1) drive(1, i, 8'h11 * i, 1, (i + 1) % 16);
    drive(0, 0, 8'h00, 0, 0);
    // random traffic, raddr often equal to waddr
    pw = 50; pr = 50;
    for (i = 0; i < 2000; i = i + 1) begin
      if (i % 100 == 0) begin
        pw = 10 + rnd() % 91;
        pr = 10 + rnd() % 91;
      end
      waddr = rnd();
      r0 = rnd(); r1 = rnd(); r2 = rnd(); r3 = rnd(); r4 = rnd();
      drive((r0 % 100) < pw, waddr, r1, (r2 % 100) < pr, (r3 % 3 == 0) ? waddr : r4);
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
