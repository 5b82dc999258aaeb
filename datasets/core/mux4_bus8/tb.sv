module tb;
  reg  [7:0] a, b, c, d;
  reg  [1:0] sel;
  wire [7:0] out_ref, out_dut;
  integer seed = 101, samples = 0, mismatches = 0, i, s;

  RefModule ref_inst(.a(a), .b(b), .c(c), .d(d), .sel(sel), .out(out_ref));
  TopModule dut(.a(a), .b(b), .c(c), .d(d), .sel(sel), .out(out_dut));

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
          $display("MISMATCH a=%h b=%h c=%h d=%h sel=%0d out ref=%h dut=%h",
                   a, b, c, d, sel, out_ref, out_dut);
      end
    end
  endtask

  initial begin
    if ($value$plusargs("seed=%d", seed)) ;
    // distinct buses: every select value
    a = 8'hA1; b = 8'hB2; c = 8'hC3; d = 8'hD4;
    for (s = 0; s < 4; s = s + 1) begin sel = s[1:0]; #1 compare; end
    // one bus all ones, the others zero (and the inverse), for every select
    for (i = 0; i < 4; i = i + 1)
      for (s = 0; s < 4; s = s + 1) begin
        a = (i == 0) ? 8'hFF : 8'h00; b = (i == 1) ? 8'hFF : 8'h00;
        c = (i == 2) ? 8'hFF : 8'h00; d = (i == 3) ? 8'hFF : 8'h00;
        sel = s[1:0]; #1 compare;
        a = ~a; b = ~b; c = ~c; d = ~d; #1 compare;
      end
    for (i = 0; i < 1000; i = i + 1) begin
      a = rnd(); b = rnd(); c = rnd(); d = rnd(); sel = rnd(); #1 compare;
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
