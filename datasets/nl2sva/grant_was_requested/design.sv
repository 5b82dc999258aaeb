module arb_tb (
    input clk,
    input reset_,
    input [3:0] req,
    input [3:0] gnt
);
  wire tb_reset = !reset_;
endmodule
