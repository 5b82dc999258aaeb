module RefModule(input [7:0] a, input [7:0] b, output [15:0] product);
  assign product = {8'd0, a} * {8'd0, b};
endmodule
