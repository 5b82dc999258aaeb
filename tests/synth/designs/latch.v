// Unsynthesizable as intended: `q` keeps its value when `en` is low, so a latch is inferred.
module latch_design(input en, input [3:0] d, output reg [3:0] q);
  always @* if (en) q = d;
endmodule
