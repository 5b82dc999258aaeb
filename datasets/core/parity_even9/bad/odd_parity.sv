module TopModule(input [7:0] data, output [8:0] word);
  assign word = {~^data, data};
endmodule
