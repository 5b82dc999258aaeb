module TopModule(input clk, input [7:0] in, output [7:0] out);
  wire [7:0] ring;
  assign ring = ~ring ^ in;
  assign out = ring;
endmodule
