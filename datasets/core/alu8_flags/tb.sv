module tb;
  reg  [7:0] a, b;
  reg  [2:0] op;
  wire [7:0] result_ref, result_dut;
  wire zero_ref, negative_ref, carry_ref, zero_dut, negative_dut, carry_dut;
  integer seed = 116, samples = 0, mismatches = 0, i, j, k;

  RefModule ref_inst(.a(a), .b(b), .op(op), .result(result_ref),
                     .zero(zero_ref), .negative(negative_ref), .carry(carry_ref));
  TopModule dut(.a(a), .b(b), .op(op), .result(result_dut),
                .zero(zero_dut), .negative(negative_dut), .carry(carry_dut));

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
  function automatic bit same11(input [10:0] r, input [10:0] x);
    same11 = (r === (r ^ x ^ r));
  endfunction

  function automatic [7:0] corner(input integer k);
    case (k)
      0: corner = 8'h00;  1: corner = 8'h01;  2: corner = 8'hFF;  3: corner = 8'h7F;
      4: corner = 8'h80;  5: corner = 8'h81;  6: corner = 8'h55;  default: corner = 8'hAA;
    endcase
  endfunction

  task automatic compare;
    begin
      samples = samples + 1;
      if (!same11({result_ref, zero_ref, negative_ref, carry_ref},
                  {result_dut, zero_dut, negative_dut, carry_dut})) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5)
          $display("MISMATCH op=%0d a=%h b=%h result ref=%h dut=%h {z,n,c} ref=%b%b%b dut=%b%b%b",
                   op, a, b, result_ref, result_dut, zero_ref, negative_ref, carry_ref,
                   zero_dut, negative_dut, carry_dut);
      end
    end
  endtask

  initial begin
    if ($value$plusargs("seed=%d", seed)) ;
    for (k = 0; k < 8; k = k + 1)           // every op on all pairs of corner values
      for (i = 0; i < 8; i = i + 1)
        for (j = 0; j < 8; j = j + 1) begin
          op = k[2:0]; a = corner(i); b = corner(j); #1 compare;
        end
    for (i = 0; i < 6000; i = i + 1) begin
      a = rnd(); b = rnd(); op = rnd();
      if (i % 8 == 7) b = a;                 // equal operands: zero results
      #1 compare;
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
