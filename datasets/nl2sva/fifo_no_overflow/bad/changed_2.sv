asrt: assert property (@(posedge clk) disable iff (tb_reset) full |-> !wr_vld);
