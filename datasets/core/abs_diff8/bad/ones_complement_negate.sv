module TopModule(input [7:0] a, input [7:0] b, output [7:0] diff);
  wire [8:0] d = {1'b0, a} - {1'b0, b};
  // negates a negative difference by inverting only (forgets the +1)
  assign diff = d[8] ? ~d[7:0] : d[7:0];
endmodule
