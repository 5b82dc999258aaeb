// 8x8 unsigned multiplier, combinational (registered inputs and output, one stage of logic).
module mult8_comb(input clk, input [7:0] a, input [7:0] b, output reg [15:0] p);
  reg [7:0] ra, rb;
  always @(posedge clk) begin
    ra <= a;
    rb <= b;
    p <= ra * rb;
  end
endmodule
