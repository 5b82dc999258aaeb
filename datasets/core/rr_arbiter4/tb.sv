module tb;
  reg clk = 0, reset = 1;
  reg [3:0] req = 0;
  wire [3:0] grant_ref, grant_dut;
  integer seed = 65, samples = 0, mismatches = 0, cycle = 0, i, density;
  // rnd() draws: one call per statement (see docs/TASK_FORMAT.md)
  reg [31:0] r0, r1, r2, r3, r4;

  RefModule ref_inst(.clk(clk), .reset(reset), .req(req), .grant(grant_ref));
  TopModule dut(.clk(clk), .reset(reset), .req(req), .grant(grant_dut));

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
      if (!same(grant_ref, grant_dut)) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5)
          $display("MISMATCH cycle %0d (reset=%b req=%b): grant ref=%b dut=%b",
                   cycle, reset, req, grant_ref, grant_dut);
      end
      @(negedge clk);
      cycle = cycle + 1;
    end
  endtask

  task automatic drive(input r, input [3:0] q);
    begin
      reset = r; req = q;
      step;
    end
  endtask

  initial begin
    if ($value$plusargs("seed=%d", seed)) ;
    @(negedge clk);
    drive(1, 4'b1111);
    for (i = 0; i < 9; i = i + 1) drive(0, 4'b1111);   // full rotation
    drive(0, 4'b0000);                                 // idle: pointer holds
    drive(0, 4'b1111);
    for (i = 0; i < 6; i = i + 1) drive(0, 4'b0001);   // a single requester keeps winning
    drive(0, 4'b1001);
    drive(0, 4'b1001);
    drive(0, 4'b1001);
    for (i = 0; i < 6; i = i + 1) drive(0, 4'b0110);
    drive(0, 4'b1010);
    drive(1, 4'b1010);                                 // reset with pending requests
    drive(0, 4'b1010);
    drive(0, 4'b1010);
    for (i = 0; i < 16; i = i + 1) drive(0, i);        // every request pattern
    for (i = 0; i < 16; i = i + 1) drive(0, 15 - i);
    // random requests with drifting density and occasional resets
    density = 50;
    for (i = 0; i < 2000; i = i + 1) begin
      if (i % 100 == 0) density = 20 + rnd() % 70;
      r0 = rnd(); r1 = rnd(); r2 = rnd(); r3 = rnd(); r4 = rnd();
      drive((r0 % 150) == 0,
            {(r1 % 100) < density, (r2 % 100) < density,
             (r3 % 100) < density, (r4 % 100) < density});
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
