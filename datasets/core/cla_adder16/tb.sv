module tb;
  reg  [15:0] a, b;
  reg         cin;
  wire [15:0] sum_ref, sum_dut;
  wire        cout_ref, cout_dut;
  integer seed = 113, samples = 0, mismatches = 0, i, j;

  RefModule ref_inst(.a(a), .b(b), .cin(cin), .sum(sum_ref), .cout(cout_ref));
  TopModule dut(.a(a), .b(b), .cin(cin), .sum(sum_dut), .cout(cout_dut));

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
  function automatic bit same17(input [16:0] r, input [16:0] x);
    same17 = (r === (r ^ x ^ r));
  endfunction

  function automatic [15:0] corner(input integer k);
    case (k)
      0: corner = 16'h0000;  1: corner = 16'h0001;  2: corner = 16'hFFFF;
      3: corner = 16'h8000;  4: corner = 16'h7FFF;  5: corner = 16'h00FF;
      6: corner = 16'hFF00;  7: corner = 16'h0F0F;  8: corner = 16'hF0F0;
      default: corner = 16'h5555;
    endcase
  endfunction

  task automatic compare;
    begin
      samples = samples + 1;
      if (!same17({cout_ref, sum_ref}, {cout_dut, sum_dut})) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5)
          $display("MISMATCH a=%h b=%h cin=%b sum ref=%h dut=%h cout ref=%b dut=%b",
                   a, b, cin, sum_ref, sum_dut, cout_ref, cout_dut);
      end
    end
  endtask

  initial begin
    if ($value$plusargs("seed=%d", seed)) ;
    for (i = 0; i < 10; i = i + 1)       // all pairs of corner values, both carry-ins
      for (j = 0; j < 20; j = j + 1) begin
        a = corner(i); b = corner(j / 2); cin = j[0]; #1 compare;
      end
    for (i = 0; i < 500; i = i + 1) begin   // long propagate chains: b close to ~a
      a = rnd(); b = ~a; cin = rnd();
      if (i % 2 == 1) b = b ^ (16'd1 << (rnd() & 15));
      #1 compare;
    end
    for (i = 0; i < 2000; i = i + 1) begin
      a = rnd(); b = rnd(); cin = rnd(); #1 compare;
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
