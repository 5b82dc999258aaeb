module TopModule(input [2:0] in, input en, output [7:0] out);
  assign out = 8'd1 << in;
endmodule
