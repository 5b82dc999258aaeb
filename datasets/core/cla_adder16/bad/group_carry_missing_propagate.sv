module TopModule(input [15:0] a, input [15:0] b, input cin, output [15:0] sum, output cout);
  // two-level carry lookahead: 4-bit blocks, block generate/propagate
  wire [15:0] g = a & b, p = a ^ b;
  wire [3:0] G, P;
  wire [4:0] c;
  genvar k, i;
  generate
    for (k = 0; k < 4; k = k + 1) begin : blk
      wire [4:0] cc;
      assign cc[0] = c[k];
      for (i = 0; i < 4; i = i + 1) begin : bit_carry
        assign cc[i+1] = g[4*k+i] | (p[4*k+i] & cc[i]);
      end
      assign sum[4*k+3:4*k] = p[4*k+3:4*k] ^ cc[3:0];
      assign G[k] = g[4*k+3] | (p[4*k+3] & g[4*k+2]) | (p[4*k+3] & p[4*k+2] & g[4*k+1]) |
                    (p[4*k+3] & p[4*k+2] & p[4*k+1] & g[4*k]);
      assign P[k] = &p[4*k+3:4*k];
    end
  endgenerate
  assign c[0] = cin;
  assign c[1] = G[0] | (P[0] & c[0]);
  assign c[2] = G[1] | (P[1] & G[0]);                  // missing P[1] & P[0] & c[0]
  assign c[3] = G[2] | (P[2] & G[1]) | (P[2] & P[1] & G[0]) | (P[2] & P[1] & P[0] & c[0]);
  assign c[4] = G[3] | (P[3] & G[2]) | (P[3] & P[2] & G[1]) | (P[3] & P[2] & P[1] & G[0]) |
                (P[3] & P[2] & P[1] & P[0] & c[0]);
  assign cout = c[4];
endmodule
