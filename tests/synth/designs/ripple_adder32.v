// 32-bit ripple-carry adder: a chain of full adders, one carry per bit (small, slow).
module ripple_adder32(input [31:0] a, input [31:0] b, input cin, output [31:0] sum, output cout);
  wire [32:0] c;
  assign c[0] = cin;
  genvar i;
  generate
    for (i = 0; i < 32; i = i + 1) begin : fa
      assign sum[i] = a[i] ^ b[i] ^ c[i];
      assign c[i + 1] = (a[i] & b[i]) | (c[i] & (a[i] ^ b[i]));
    end
  endgenerate
  assign cout = c[32];
endmodule
