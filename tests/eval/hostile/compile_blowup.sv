module TopModule(input clk, input [7:0] in, output reg [7:0] out);
  genvar i;
  generate
    for (i = 0; i < 200000000; i = i + 1) begin : g
      wire [7:0] w;
      assign w = in + i;
    end
  endgenerate
  always @(posedge clk) out <= ~in;
endmodule
