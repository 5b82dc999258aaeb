module TopModule(input [7:0] a, input [7:0] b, input [7:0] c, input [7:0] d,
                 input [1:0] sel, output [7:0] out);
  // the enable for d forgets sel[0], so sel=2 gives c|d
  assign out = ({8{~sel[1] & ~sel[0]}} & a) |
               ({8{~sel[1] &  sel[0]}} & b) |
               ({8{ sel[1] & ~sel[0]}} & c) |
               ({8{ sel[1]}}           & d);
endmodule
