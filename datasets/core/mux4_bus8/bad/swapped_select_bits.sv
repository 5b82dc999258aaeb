module TopModule(input [7:0] a, input [7:0] b, input [7:0] c, input [7:0] d,
                 input [1:0] sel, output [7:0] out);
  // sel[0] used as the upper-level select: sel=1 picks c, sel=2 picks b
  assign out = sel[0] ? (sel[1] ? d : c) : (sel[1] ? b : a);
endmodule
