module RefModule(input [3:0] a, input [3:0] b, input cin, output [3:0] sum, output cout);
  wire [4:0] t = {1'b0, a} + {1'b0, b} + {4'd0, cin};
  assign cout = (t > 5'd9);
  assign sum = cout ? (t[3:0] + 4'd6) : t[3:0];   // t - 10 modulo 16
endmodule
