module tb;
  reg  [7:0] a, b;
  wire [7:0] sum_ref, sum_dut;
  wire       overflow_ref, overflow_dut;
  integer seed = 112, samples = 0, mismatches = 0, i;

  RefModule ref_inst(.a(a), .b(b), .sum(sum_ref), .overflow(overflow_ref));
  TopModule dut(.a(a), .b(b), .sum(sum_dut), .overflow(overflow_dut));

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
  function automatic bit same9(input [8:0] r, input [8:0] x);
    same9 = (r === (r ^ x ^ r));
  endfunction

  task automatic compare;
    begin
      samples = samples + 1;
      if (!same9({sum_ref, overflow_ref}, {sum_dut, overflow_dut})) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5)
          $display("MISMATCH a=%0d b=%0d sum ref=%0d dut=%0d overflow ref=%b dut=%b",
                   $signed(a), $signed(b), $signed(sum_ref), $signed(sum_dut),
                   overflow_ref, overflow_dut);
      end
    end
  endtask

  initial begin
    if ($value$plusargs("seed=%d", seed)) ;
    for (i = 0; i < 65536; i = i + 1) begin   // exhaustive
      {a, b} = i[15:0]; #1 compare;
    end
    for (i = 0; i < 200; i = i + 1) begin
      a = rnd(); b = rnd(); #1 compare;
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
