module TopModule(input [7:0] a, input [7:0] b, output [7:0] sum, output overflow);
  // flags overflow correctly but returns the wrapped sum
  assign sum = a + b;
  assign overflow = (a[7] == b[7]) && (sum[7] != a[7]);
endmodule
