module TopModule(input [15:0] a, input [15:0] b, input cin, output [15:0] sum, output cout);
  wire [15:0] g = a & b, p = a ^ b;
  wire [16:0] c;
  assign c[0] = cin;
  genvar i;
  generate
    for (i = 0; i < 16; i = i + 1) begin : bits
      assign c[i+1] = g[i] | (p[i] & c[i]);
    end
  endgenerate
  assign sum = p ^ c[15:0];
  assign cout = g[15];   // forgets the p[15] & c[15] term
endmodule
