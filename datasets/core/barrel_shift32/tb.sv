module tb;
  reg  [31:0] data;
  reg  [4:0]  amount;
  reg  [1:0]  mode;
  wire [31:0] result_ref, result_dut;
  integer seed = 114, samples = 0, mismatches = 0, i, k, m;

  RefModule ref_inst(.data(data), .amount(amount), .mode(mode), .result(result_ref));
  TopModule dut(.data(data), .amount(amount), .mode(mode), .result(result_dut));

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
  function automatic bit same32(input [31:0] r, input [31:0] x);
    same32 = (r === (r ^ x ^ r));
  endfunction

  function automatic [31:0] corner(input integer k);
    case (k)
      0: corner = 32'h8000_0001;  1: corner = 32'h0000_0001;  2: corner = 32'hFFFF_FFFF;
      3: corner = 32'h7FFF_FFFF;  4: corner = 32'h8000_0000;  5: corner = 32'h1234_5678;
      6: corner = 32'hF0F0_0F0F;  default: corner = 32'h0000_0000;
    endcase
  endfunction

  task automatic compare;
    begin
      samples = samples + 1;
      if (!same32(result_ref, result_dut)) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5)
          $display("MISMATCH data=%h amount=%0d mode=%0d result ref=%h dut=%h",
                   data, amount, mode, result_ref, result_dut);
      end
    end
  endtask

  initial begin
    if ($value$plusargs("seed=%d", seed)) ;
    for (k = 0; k < 8; k = k + 1)           // corner words, every amount, every mode
      for (m = 0; m < 4; m = m + 1)
        for (i = 0; i < 32; i = i + 1) begin
          data = corner(k); mode = m[1:0]; amount = i[4:0]; #1 compare;
        end
    for (i = 0; i < 4000; i = i + 1) begin
      data = rnd(); amount = rnd(); mode = rnd(); #1 compare;
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
