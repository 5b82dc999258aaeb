module tb;
  reg [7:0] a, b, c;
  wire [7:0] min_ref, min_dut;
  integer seed = 5, samples = 0, mismatches = 0, i;

  RefModule ref_inst(.a(a), .b(b), .c(c), .min(min_ref));
  TopModule dut(.a(a), .b(b), .c(c), .min(min_dut));

  task automatic check;
    begin
      #1;
      samples = samples + 1;
      if (!(min_ref === (min_ref ^ min_dut ^ min_ref))) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5) $display("MISMATCH a=%0d b=%0d c=%0d min ref=%0d dut=%0d", a, b, c, min_ref, min_dut);
      end
    end
  endtask

  initial begin
    if ($value$plusargs("seed=%d", seed)) ;
    a = 0; b = 0; c = 0; check;
    a = 255; b = 255; c = 255; check;
    a = 1; b = 2; c = 3; check;
    a = 3; b = 2; c = 1; check;
    a = 2; b = 1; c = 3; check;
    a = 7; b = 7; c = 200; check;
    a = 128; b = 127; c = 129; check;
    for (i = 0; i < 500; i = i + 1) begin
      a = $random(seed); b = $random(seed); c = $random(seed); check;
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
