module TopModule(input [15:0] a, input [15:0] b,
                 output lt, output eq, output unordered);
  wire a_nan = (a[14:10] == 5'h1F) && (a[9:0] != 10'd0);
  wire b_nan = (b[14:10] == 5'h1F) && (b[9:0] != 10'd0);
  wire both_zero = (a[14:0] == 15'd0) && (b[14:0] == 15'd0);
  wire mag_lt = a[14:0] < b[14:0];
  wire mag_gt = a[14:0] > b[14:0];
  assign unordered = a_nan | b_nan;
  // equality taken from the bit patterns before the NaN check
  assign eq = both_zero || (a == b);
  assign lt = !unordered && !eq &&
              ((a[15] && !b[15]) || (!a[15] && !b[15] && mag_lt) || (a[15] && b[15] && mag_gt));
endmodule
