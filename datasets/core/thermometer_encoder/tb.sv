module tb;
  reg  [2:0] value;
  wire [6:0] therm_ref, therm_dut;
  integer seed = 111, samples = 0, mismatches = 0, i;

  RefModule ref_inst(.value(value), .therm(therm_ref));
  TopModule dut(.value(value), .therm(therm_dut));

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
  function automatic bit same7(input [6:0] r, input [6:0] x);
    same7 = (r === (r ^ x ^ r));
  endfunction

  task automatic compare;
    begin
      samples = samples + 1;
      if (!same7(therm_ref, therm_dut)) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5)
          $display("MISMATCH value=%0d therm ref=%b dut=%b", value, therm_ref, therm_dut);
      end
    end
  endtask

  initial begin
    if ($value$plusargs("seed=%d", seed)) ;
    for (i = 0; i < 8; i = i + 1) begin   // exhaustive
      value = i[2:0]; #1 compare;
    end
    for (i = 0; i < 100; i = i + 1) begin
      value = rnd(); #1 compare;
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
