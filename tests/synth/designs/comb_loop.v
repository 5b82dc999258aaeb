// A combinational loop: y feeds back into itself through logic.
module comb_loop(input a, output y);
  wire x, z;
  assign x = a & z;
  assign z = ~x;
  assign y = z;
endmodule
