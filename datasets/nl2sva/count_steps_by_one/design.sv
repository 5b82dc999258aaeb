module count_tb (
    input clk,
    input reset_,
    input en,
    input [3:0] count
);
  wire tb_reset = !reset_;
endmodule
