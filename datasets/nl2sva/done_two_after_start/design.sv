module job_tb (
    input clk,
    input reset_,
    input start,
    input done
);
  wire tb_reset = !reset_;
endmodule
