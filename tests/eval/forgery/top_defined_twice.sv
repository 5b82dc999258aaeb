// Two definitions of the top: a simulator that keeps one silently could pick either.
module TopModule(input clk, input [7:0] in, output reg [7:0] out);
  always @(posedge clk) out <= in;
endmodule
module TopModule(input clk, input [7:0] in, output reg [7:0] out);
  always @(posedge clk) out <= ~in;
endmodule
