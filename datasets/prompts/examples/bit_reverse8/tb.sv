module tb;
  reg [7:0] in;
  wire [7:0] out_ref, out_dut;
  integer samples = 0, mismatches = 0, i;

  RefModule ref_inst(.in(in), .out(out_ref));
  TopModule dut(.in(in), .out(out_dut));

  initial begin
    for (i = 0; i < 256; i = i + 1) begin   // exhaustive
      in = i[7:0];
      #1;
      samples = samples + 1;
      if (!(out_ref === (out_ref ^ out_dut ^ out_ref))) begin
        mismatches = mismatches + 1;
        if (mismatches <= 5) $display("MISMATCH in=%b out ref=%b dut=%b", in, out_ref, out_dut);
      end
    end
    $display("Mismatches: %0d in %0d samples", mismatches, samples);
    $finish;
  end
endmodule
