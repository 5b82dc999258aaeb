module tb;
  reg  [7:0] in;
  wire [2:0] idx_ref, idx_dut;
  wire       valid_ref, valid_dut;
  integer seed = 103, samples = 0, mismatches = 0, i;

  RefModule ref_inst(.in(in), .idx(idx_ref), .valid(valid_ref));
  TopModule dut(.in(in), .idx(idx_dut), .valid(valid_dut));

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
  function automatic bit same4(input [3:0] r, input [3:0] x);
    same4 = (r === (r ^ x ^ r));
  endfunction

  task automatic compare;
    begin
      samples = samples + 1;
      if (!same4({idx_ref, valid_ref}, {idx_dut, valid_dut})) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5)
          $display("MISMATCH in=%b idx ref=%0d dut=%0d valid ref=%b dut=%b",
                   in, idx_ref, idx_dut, valid_ref, valid_dut);
      end
    end
  endtask

  initial begin
    if ($value$plusargs("seed=%d", seed)) ;
    for (i = 0; i < 256; i = i + 1) begin   // exhaustive
      in = i[7:0]; #1 compare;
    end
    for (i = 0; i < 200; i = i + 1) begin
      in = rnd(); #1 compare;
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
