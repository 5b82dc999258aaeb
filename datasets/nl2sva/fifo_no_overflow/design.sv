module fifo_tb (
    input clk,
    input reset_,
    input wr_vld,
    input wr_ready,
    input rd_vld,
    input rd_ready,
    input full,
    input empty
);
  wire tb_reset = !reset_;
endmodule
