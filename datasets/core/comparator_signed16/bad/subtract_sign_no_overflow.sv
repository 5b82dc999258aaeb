module TopModule(input [15:0] a, input [15:0] b, output lt, output eq, output gt);
  wire [15:0] d = a - b;
  // sign of the 16-bit difference, ignoring signed overflow
  assign lt = d[15];
  assign eq = (d == 16'd0);
  assign gt = ~d[15] & (d != 16'd0);
endmodule
