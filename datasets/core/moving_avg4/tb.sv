module tb;
  reg clk = 0, reset = 1, in_valid = 0, clear = 0;
  reg [7:0] din = 0;
  wire out_valid_ref, out_valid_dut;
  wire [7:0] avg_ref, avg_dut;
  integer seed = 154, samples = 0, mismatches = 0, cycle = 0, i, pv, pc, lvl;
  // rnd() draws: one call per statement (see docs/TASK_FORMAT.md)
  reg [31:0] r0, r1, r2, r3, r4, r5;

  RefModule ref_inst(.clk(clk), .reset(reset), .in_valid(in_valid), .clear(clear), .din(din),
                     .out_valid(out_valid_ref), .avg(avg_ref));
  TopModule dut(.clk(clk), .reset(reset), .in_valid(in_valid), .clear(clear), .din(din),
                .out_valid(out_valid_dut), .avg(avg_dut));

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
      if (!same({out_valid_ref, avg_ref}, {out_valid_dut, avg_dut})) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5)
          $display("MISMATCH cycle %0d (reset=%b in_valid=%b clear=%b din=%0d): out_valid ref=%b dut=%b avg ref=%0d dut=%0d",
                   cycle, reset, in_valid, clear, din, out_valid_ref, out_valid_dut, avg_ref, avg_dut);
      end
      @(negedge clk);
      cycle = cycle + 1;
    end
  endtask

  task automatic drive(input r, input v, input c, input [7:0] d);
    begin
      reset = r; in_valid = v; clear = c; din = d;
      step;
    end
  endtask

  initial begin
    if ($value$plusargs("seed=%d", seed)) ;
    @(negedge clk);
    drive(1, 0, 0, 0);
    drive(0, 1, 0, 100);                      // 25
    drive(0, 1, 0, 100);                      // 50
    drive(0, 0, 0, 77);                       // gap: avg holds
    drive(0, 1, 0, 100);                      // 75
    drive(0, 1, 0, 100);                      // 100
    for (i = 0; i < 6; i = i + 1) drive(0, 1, 0, 8'd4 * i);   // old samples leave the window
    for (i = 0; i < 6; i = i + 1) drive(0, 1, 0, 8'hFF);      // needs the 10-bit sum
    drive(0, 1, 1, 8'hFF);                    // clear with a sample: sample discarded
    drive(0, 1, 0, 8'h40);
    drive(0, 0, 1, 8'h00);                    // clear alone
    drive(0, 1, 0, 8'h80);
    drive(0, 1, 0, 8'h80);
    drive(0, 1, 0, 8'hF0);
    drive(1, 1, 0, 8'hF0);                    // reset during a burst
    drive(0, 1, 0, 8'h08);
    drive(0, 0, 0, 8'h00);
    // random stream: levels drift so sums are sometimes large, occasional clear and reset
    pv = 70; pc = 2; lvl = 128;
    for (i = 0; i < 2500; i = i + 1) begin
      if (i % 100 == 0) begin
        pv = 20 + rnd() % 81;
        pc = rnd() % 6;
        lvl = rnd() % 256;
      end
      r0 = rnd(); r1 = rnd(); r2 = rnd(); r3 = rnd(); r4 = rnd(); r5 = rnd();
      drive((r0 % 300) == 0, (r1 % 100) < pv, (r2 % 100) < pc,
            (r3 % 2) ? lvl[7:0] ^ (r4 & 8'h1F) : r5);
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
