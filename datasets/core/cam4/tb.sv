module tb;
  reg clk = 0, reset = 1, we = 0, wvalid = 0;
  reg [1:0] widx = 0;
  reg [7:0] wkey = 0, search_key = 0;
  wire [3:0] match_ref, match_dut;
  wire hit_ref, hit_dut;
  wire [1:0] idx_ref, idx_dut;
  integer seed = 176, samples = 0, mismatches = 0, cycle = 0, i, pw, e, f, b;
  // rnd() draws: one call per statement (see docs/TASK_FORMAT.md)
  reg [31:0] r0, r1, r2, r3, k0, k1;

  RefModule ref_inst(.clk(clk), .reset(reset), .we(we), .widx(widx), .wkey(wkey), .wvalid(wvalid),
                     .search_key(search_key), .match(match_ref), .hit(hit_ref), .hit_idx(idx_ref));
  TopModule dut(.clk(clk), .reset(reset), .we(we), .widx(widx), .wkey(wkey), .wvalid(wvalid),
                .search_key(search_key), .match(match_dut), .hit(hit_dut), .hit_idx(idx_dut));

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
      if (!same({match_ref, hit_ref, idx_ref}, {match_dut, hit_dut, idx_dut})) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5)
          $display("MISMATCH cycle %0d (reset=%b we=%b widx=%0d wkey=%h wvalid=%b search_key=%h): match ref=%b dut=%b hit ref=%b dut=%b hit_idx ref=%0d dut=%0d",
                   cycle, reset, we, widx, wkey, wvalid, search_key, match_ref, match_dut,
                   hit_ref, hit_dut, idx_ref, idx_dut);
      end
      @(negedge clk);
      cycle = cycle + 1;
    end
  endtask

  task automatic drive(input r, input w, input [1:0] wi, input [7:0] wk, input wv, input [7:0] sk);
    begin
      reset = r; we = w; widx = wi; wkey = wk; wvalid = wv; search_key = sk;
      step;
    end
  endtask

  // keys are drawn from a small set so that hits and duplicate keys are frequent
  function automatic [7:0] rkey(input integer dummy);
    reg [31:0] pick, any, near;
    begin
      pick = rnd(); any = rnd(); near = rnd();
      rkey = ((pick % 8) == 0) ? any : 8'h30 + near % 6;
    end
  endfunction

  initial begin
    if ($value$plusargs("seed=%d", seed)) ;
    @(negedge clk);
    drive(1, 0, 0, 8'h00, 0, 8'h00);
    drive(0, 0, 0, 8'h00, 0, 8'h00);            // key 00 must not hit invalid entries
    drive(0, 1, 2, 8'h42, 1, 8'h42);            // write + search same key: no bypass
    drive(0, 0, 0, 8'h00, 0, 8'h42);            // now hits entry 2
    drive(0, 1, 3, 8'h42, 1, 8'h42);
    drive(0, 1, 0, 8'h17, 1, 8'h42);            // two matches: lowest index (2)
    drive(0, 1, 1, 8'h42, 1, 8'h42);
    drive(0, 0, 0, 8'h00, 0, 8'h42);            // entries 1,2,3 match: index 1
    drive(0, 0, 0, 8'h00, 0, 8'h17);
    drive(0, 1, 0, 8'h42, 0, 8'h42);            // write 42 but invalid into entry 0
    drive(0, 0, 0, 8'h00, 0, 8'h42);
    drive(0, 1, 1, 8'h42, 0, 8'h42);            // delete entry 1
    drive(0, 0, 0, 8'h00, 0, 8'h42);
    drive(0, 0, 0, 8'h00, 0, 8'h00);
    drive(1, 1, 3, 8'h99, 1, 8'h42);            // reset beats write
    drive(0, 0, 0, 8'h00, 0, 8'h42);
    drive(0, 0, 0, 8'h00, 0, 8'h99);
    drive(0, 0, 0, 8'h00, 0, 8'h00);
    // every key bit of every entry takes part in its compare: entry e holds a key with bit b
    // clear; the search with that bit set must not hit it, the exact search must
    for (e = 0; e < 4; e = e + 1)
      for (b = 0; b < 8; b = b + 1) begin
        drive(0, 1, e, 8'hFF ^ (8'h01 << b), 1, 8'h00);
        drive(0, 0, 0, 8'h00, 0, 8'hFF);
        drive(0, 0, 0, 8'h00, 0, 8'hFF ^ (8'h01 << b));
      end
    // a write leaves the other entries alone: entry e holds all ones (then all zeros), every
    // other entry is written with the opposite, then e is searched
    for (e = 0; e < 4; e = e + 1)
      for (b = 0; b < 2; b = b + 1) begin
        drive(0, 1, e, b ? 8'h00 : 8'hFF, 1, 8'h00);
        for (f = 1; f < 4; f = f + 1) drive(0, 1, (e + f) % 4, b ? 8'hFF : 8'h00, 1, 8'h00);
        drive(0, 0, 0, 8'h00, 0, b ? 8'h00 : 8'hFF);
        drive(0, 0, 0, 8'h00, 0, b ? 8'hFF : 8'h00);
      end
    // random writes and searches, occasional resets
    pw = 30;
    for (i = 0; i < 2000; i = i + 1) begin
      if (i % 100 == 0) pw = 5 + rnd() % 60;
      r0 = rnd(); r1 = rnd(); r2 = rnd(); k0 = rkey(0); r3 = rnd(); k1 = rkey(0);
      drive((r0 % 250) == 0, (r1 % 100) < pw, r2, k0, (r3 % 5) != 0, k1);
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
