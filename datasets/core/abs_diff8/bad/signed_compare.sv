module TopModule(input [7:0] a, input [7:0] b, output [7:0] diff);
  assign diff = ($signed(a) >= $signed(b)) ? (a - b) : (b - a);
endmodule
