module TopModule(input [2:0] in, input en, output [7:0] out);
  // counts lines from the top: in=0 lights out[7]
  assign out = en ? (8'h80 >> in) : 8'd0;
endmodule
