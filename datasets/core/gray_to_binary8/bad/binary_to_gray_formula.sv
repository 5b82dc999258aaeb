module TopModule(input [7:0] gray, output [7:0] bin);
  // applies the forward (binary -> Gray) formula instead of its inverse
  assign bin = gray ^ (gray >> 1);
endmodule
