// 8x8 unsigned multiplier with a pipeline register between the partial products and their
// sum: two half multipliers (8x4) in stage 1, one 16-bit add in stage 2.
module mult8_pipe(input clk, input [7:0] a, input [7:0] b, output reg [15:0] p);
  reg [7:0] ra, rb;
  reg [11:0] lo, hi;
  always @(posedge clk) begin
    ra <= a;
    rb <= b;
    lo <= ra * rb[3:0];
    hi <= ra * rb[7:4];
    p <= {4'd0, lo} + {hi, 4'd0};
  end
endmodule
