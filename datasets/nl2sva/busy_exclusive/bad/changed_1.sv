asrt: assert property (@(posedge clk) disable iff (tb_reset) !(a_busy && b_busy));
