module tb;
  reg  [15:0] a, b;
  wire lt_ref, eq_ref, gt_ref, lt_dut, eq_dut, gt_dut;
  integer seed = 110, samples = 0, mismatches = 0, i, j;

  RefModule ref_inst(.a(a), .b(b), .lt(lt_ref), .eq(eq_ref), .gt(gt_ref));
  TopModule dut(.a(a), .b(b), .lt(lt_dut), .eq(eq_dut), .gt(gt_dut));

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
      0: corner = 16'h0000;  1: corner = 16'h0001;  2: corner = 16'hFFFF;
      3: corner = 16'h7FFF;  4: corner = 16'h8000;  5: corner = 16'h8001;
      6: corner = 16'h7FFE;  7: corner = 16'h00FF;  8: corner = 16'hFF00;
      default: corner = 16'h4000;
    endcase
  endfunction

  task automatic compare;
    begin
      samples = samples + 1;
      if (!same3({lt_ref, eq_ref, gt_ref}, {lt_dut, eq_dut, gt_dut})) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5)
          $display("MISMATCH a=%0d b=%0d {lt,eq,gt} ref=%b%b%b dut=%b%b%b",
                   $signed(a), $signed(b), lt_ref, eq_ref, gt_ref, lt_dut, eq_dut, gt_dut);
      end
    end
  endtask

  initial begin
    if ($value$plusargs("seed=%d", seed)) ;
    for (i = 0; i < 10; i = i + 1)       // all pairs of corner values
      for (j = 0; j < 10; j = j + 1) begin
        a = corner(i); b = corner(j); #1 compare;
      end
    for (i = 0; i < 3000; i = i + 1) begin
      a = rnd(); b = rnd();
      if (i % 4 == 1) b = a;                       // equal operands
      if (i % 4 == 2) b = a + ((rnd() % 4)); // near-equal operands
      #1 compare;
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
