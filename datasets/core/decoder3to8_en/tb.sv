module tb;
  reg  [2:0] in;
  reg        en;
  wire [7:0] out_ref, out_dut;
  integer seed = 102, samples = 0, mismatches = 0, i;

  RefModule ref_inst(.in(in), .en(en), .out(out_ref));
  TopModule dut(.in(in), .en(en), .out(out_dut));

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
      if (!same8(out_ref, out_dut)) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5)
          $display("MISMATCH in=%0d en=%b out ref=%b dut=%b", in, en, out_ref, out_dut);
      end
    end
  endtask

  initial begin
    if ($value$plusargs("seed=%d", seed)) ;
    for (i = 0; i < 16; i = i + 1) begin   // exhaustive
      {en, in} = i[3:0]; #1 compare;
    end
    for (i = 0; i < 100; i = i + 1) begin
      en = rnd(); in = rnd(); #1 compare;
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
