module tb;
  reg  [15:0] a, b;
  reg  [31:0] r, r1;          // rnd() draws: one call per statement (see docs/TASK_FORMAT.md)
  wire lt_ref, eq_ref, unordered_ref, lt_dut, eq_dut, unordered_dut;
  integer seed = 120, samples = 0, mismatches = 0, i, j, k;

  RefModule ref_inst(.a(a), .b(b), .lt(lt_ref), .eq(eq_ref), .unordered(unordered_ref));
  TopModule dut(.a(a), .b(b), .lt(lt_dut), .eq(eq_dut), .unordered(unordered_dut));

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
  function automatic bit same3(input [2:0] r, input [2:0] x);
    same3 = (r === (r ^ x ^ r));
  endfunction

  function automatic [15:0] corner(input integer k);
    case (k)
      0:  corner = 16'h0000;  1:  corner = 16'h8000;   // +0, -0
      2:  corner = 16'h0001;  3:  corner = 16'h8001;   // smallest subnormals
      4:  corner = 16'h03FF;  5:  corner = 16'h83FF;   // largest subnormals
      6:  corner = 16'h0400;  7:  corner = 16'h8400;   // smallest normals
      8:  corner = 16'h3C00;  9:  corner = 16'hBC00;   // +1.0, -1.0
      10: corner = 16'h3C01;  11: corner = 16'hBC01;   // next after 1.0
      12: corner = 16'h7BFF;  13: corner = 16'hFBFF;   // largest finite
      14: corner = 16'h7C00;  15: corner = 16'hFC00;   // +inf, -inf
      16: corner = 16'h7E00;  17: corner = 16'h7C01;   // quiet and signalling NaN
      18: corner = 16'hFE00;  19: corner = 16'hFFFF;   // negative NaNs
      default: corner = 16'h4000;                      // 2.0
    endcase
  endfunction

  // One set magnitude bit with either sign (k = 0..29: bit k/2 of a[14:0]), or a NaN whose
  // fraction has a single bit set (k = 30..49: bit (k-30)/2 of the fraction).
  function automatic [15:0] single_bit(input integer k);
    if (k < 30) single_bit = {k[0], 15'd1 << (k / 2)};
    else        single_bit = {k[0], 5'h1F, 10'd1 << ((k - 30) / 2)};
  endfunction

  task automatic compare;
    begin
      samples = samples + 1;
      if (!same3({lt_ref, eq_ref, unordered_ref}, {lt_dut, eq_dut, unordered_dut})) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5)
          $display("MISMATCH a=%h b=%h {lt,eq,unordered} ref=%b%b%b dut=%b%b%b",
                   a, b, lt_ref, eq_ref, unordered_ref, lt_dut, eq_dut, unordered_dut);
      end
    end
  endtask

  initial begin
    if ($value$plusargs("seed=%d", seed)) ;
    for (i = 0; i < 21; i = i + 1)        // all pairs of special and boundary values
      for (j = 0; j < 21; j = j + 1) begin
        a = corner(i); b = corner(j); #1 compare;
      end
    for (k = 0; k < 50; k = k + 1)        // each zero and NaN test bit on its own, both orders
      for (j = 0; j < 21; j = j + 1) begin
        a = single_bit(k); b = corner(j); #1 compare;
        b = single_bit(k); a = corner(j); #1 compare;
      end
    for (i = 0; i < 20000; i = i + 1) begin
      r = rnd();
      r1 = rnd();
      if (r[2:0] == 3'd0) a = corner(r1 % 21);
      else a = r1;
      case (r[4:3])
        2'd0: b = a;                                   // identical
        2'd1: b = a ^ 16'h8000;                        // opposite sign
        2'd2: b = a + {{13{r[10]}}, r[10:8]};          // neighbouring encodings
        default: begin
          r1 = rnd();
          if (r[7:5] == 3'd0) b = corner(r1 % 21); else b = r1;
        end
      endcase
      if (r[11]) begin b = a ^ b; a = a ^ b; b = a ^ b; end   // swap
      #1 compare;
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
