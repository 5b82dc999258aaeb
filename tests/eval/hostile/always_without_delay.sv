module TopModule(input clk, input [7:0] in, output reg [7:0] out);
  always out = ~in;
endmodule
