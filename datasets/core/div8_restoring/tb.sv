module tb;
  reg  [7:0] dividend, divisor;
  wire [7:0] quotient_ref, quotient_dut, remainder_ref, remainder_dut;
  integer seed = 119, samples = 0, mismatches = 0, i;

  RefModule ref_inst(.dividend(dividend), .divisor(divisor),
                     .quotient(quotient_ref), .remainder(remainder_ref));
  TopModule dut(.dividend(dividend), .divisor(divisor),
                .quotient(quotient_dut), .remainder(remainder_dut));

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
  function automatic bit same16(input [15:0] r, input [15:0] x);
    same16 = (r === (r ^ x ^ r));
  endfunction

  task automatic compare;
    begin
      samples = samples + 1;
      if (!same16({quotient_ref, remainder_ref}, {quotient_dut, remainder_dut})) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5)
          $display("MISMATCH dividend=%0d divisor=%0d quotient ref=%0d dut=%0d remainder ref=%0d dut=%0d",
                   dividend, divisor, quotient_ref, quotient_dut, remainder_ref, remainder_dut);
      end
    end
  endtask

  initial begin
    if ($value$plusargs("seed=%d", seed)) ;
    for (i = 0; i < 256; i = i + 1) begin   // divide by zero
      dividend = i[7:0]; divisor = 8'd0; #1 compare;
    end
    for (i = 0; i < 65536; i = i + 1) begin   // exhaustive
      {dividend, divisor} = i[15:0]; #1 compare;
    end
    for (i = 0; i < 200; i = i + 1) begin
      dividend = rnd(); divisor = rnd(); #1 compare;
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
