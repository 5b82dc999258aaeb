module RefModule(input [4:0] in, output out);
  wire [2:0] ones = in[0] + in[1] + in[2] + in[3] + in[4];
  assign out = (ones >= 3'd3);
endmodule
