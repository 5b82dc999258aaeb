// A 128x128 multiplier feeding a 256-bit modulo: big enough that synthesis takes much longer
// than the one-second deadline of the timeout test.
module huge_mult(input [127:0] a, input [127:0] b, input [127:0] c, output [127:0] y);
  assign y = (a * b) % c;
endmodule
