module tb;
  reg  [7:0] gray;
  wire [7:0] bin_ref, bin_dut;
  integer seed = 104, samples = 0, mismatches = 0, i;

  RefModule ref_inst(.gray(gray), .bin(bin_ref));
  TopModule dut(.gray(gray), .bin(bin_dut));

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
  function automatic bit same8(input [7:0] r, input [7:0] x);
    same8 = (r === (r ^ x ^ r));
  endfunction

  task automatic compare;
    begin
      samples = samples + 1;
      if (!same8(bin_ref, bin_dut)) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5)
          $display("MISMATCH gray=%b bin ref=%b dut=%b", gray, bin_ref, bin_dut);
      end
    end
  endtask

  initial begin
    if ($value$plusargs("seed=%d", seed)) ;
    for (i = 0; i < 256; i = i + 1) begin   // exhaustive
      gray = i[7:0]; #1 compare;
    end
    for (i = 0; i < 200; i = i + 1) begin
      gray = rnd(); #1 compare;
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
