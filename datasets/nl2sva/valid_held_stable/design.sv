module stream_tb (
    input clk,
    input reset_,
    input valid,
    input ready,
    input [7:0] data
);
  wire tb_reset = !reset_;
endmodule
