wrong_aligned: assert property (@(posedge clk) disable iff (!rst_n) pc[1:0] == 2'b00);
