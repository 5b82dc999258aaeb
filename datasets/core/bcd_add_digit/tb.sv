module tb;
  reg  [3:0] a, b;
  reg        cin;
  wire [3:0] sum_ref, sum_dut;
  wire       cout_ref, cout_dut;
  integer seed = 118, samples = 0, mismatches = 0, i;

  RefModule ref_inst(.a(a), .b(b), .cin(cin), .sum(sum_ref), .cout(cout_ref));
  TopModule dut(.a(a), .b(b), .cin(cin), .sum(sum_dut), .cout(cout_dut));

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
  function automatic bit same5(input [4:0] r, input [4:0] x);
    same5 = (r === (r ^ x ^ r));
  endfunction

  task automatic compare;
    begin
      samples = samples + 1;
      if (!same5({cout_ref, sum_ref}, {cout_dut, sum_dut})) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5)
          $display("MISMATCH a=%0d b=%0d cin=%b sum ref=%0d dut=%0d cout ref=%b dut=%b",
                   a, b, cin, sum_ref, sum_dut, cout_ref, cout_dut);
      end
    end
  endtask

  initial begin
    if ($value$plusargs("seed=%d", seed)) ;
    for (i = 0; i < 200; i = i + 1) begin   // every valid digit pair, both carry-ins
      a = i / 20; b = (i / 2) % 10; cin = i % 2; #1 compare;
    end
    for (i = 0; i < 200; i = i + 1) begin   // valid digits only
      a = rnd() % 10; b = rnd() % 10; cin = rnd(); #1 compare;
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
