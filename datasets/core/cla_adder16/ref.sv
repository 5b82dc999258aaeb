module RefModule(input [15:0] a, input [15:0] b, input cin, output [15:0] sum, output cout);
  assign {cout, sum} = {1'b0, a} + {1'b0, b} + {16'd0, cin};
endmodule
