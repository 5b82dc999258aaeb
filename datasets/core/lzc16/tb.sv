module tb;
  reg  [15:0] in;
  wire [4:0]  count_ref, count_dut;
  integer seed = 115, samples = 0, mismatches = 0, i;

  RefModule ref_inst(.in(in), .count(count_ref));
  TopModule dut(.in(in), .count(count_dut));

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
      if (!same5(count_ref, count_dut)) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5)
          $display("MISMATCH in=%b count ref=%0d dut=%0d", in, count_ref, count_dut);
      end
    end
  endtask

  initial begin
    if ($value$plusargs("seed=%d", seed)) ;
    in = 16'h0000; #1 compare;
    for (i = 0; i < 16; i = i + 1) begin   // single set bit at every position
      in = 16'd1 << i; #1 compare;
    end
    for (i = 0; i < 65536; i = i + 1) begin   // exhaustive
      in = i[15:0]; #1 compare;
    end
    for (i = 0; i < 200; i = i + 1) begin
      in = rnd(); #1 compare;
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
