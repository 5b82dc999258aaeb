module mutex_tb (
    input clk,
    input reset_,
    input a_busy,
    input b_busy
);
  wire tb_reset = !reset_;
endmodule
