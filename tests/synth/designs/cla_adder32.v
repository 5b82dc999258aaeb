// 32-bit carry-lookahead adder: 4-bit lookahead groups, a second lookahead level over groups
// of four groups, and a third over the two halves (more cells, shorter carry path).
module cla4(input [3:0] g, input [3:0] p, input ci, output [3:0] c, output gg, output gp);
  assign c[0] = ci;
  assign c[1] = g[0] | (p[0] & ci);
  assign c[2] = g[1] | (p[1] & g[0]) | (p[1] & p[0] & ci);
  assign c[3] = g[2] | (p[2] & g[1]) | (p[2] & p[1] & g[0]) | (p[2] & p[1] & p[0] & ci);
  assign gg = g[3] | (p[3] & g[2]) | (p[3] & p[2] & g[1]) | (p[3] & p[2] & p[1] & g[0]);
  assign gp = &p;
endmodule

module cla_adder32(input [31:0] a, input [31:0] b, input cin, output [31:0] sum, output cout);
  wire [31:0] g = a & b;
  wire [31:0] p = a ^ b;
  wire [31:0] c;
  wire [7:0] gg, gp, gc;  // per 4-bit group
  wire [1:0] sg, sp, sc;  // per 16-bit half
  genvar i;
  generate
    for (i = 0; i < 8; i = i + 1) begin : group
      cla4 u(.g(g[4*i+3:4*i]), .p(p[4*i+3:4*i]), .ci(gc[i]), .c(c[4*i+3:4*i]), .gg(gg[i]), .gp(gp[i]));
    end
    for (i = 0; i < 2; i = i + 1) begin : half
      cla4 u(.g(gg[4*i+3:4*i]), .p(gp[4*i+3:4*i]), .ci(sc[i]), .c(gc[4*i+3:4*i]), .gg(sg[i]), .gp(sp[i]));
    end
  endgenerate
  assign sc[0] = cin;
  assign sc[1] = sg[0] | (sp[0] & cin);
  assign sum = p ^ c;
  assign cout = sg[1] | (sp[1] & sc[1]);
endmodule
