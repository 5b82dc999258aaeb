asrt: assert property (@(posedge clk) disable iff (tb_reset) done == $past(start));
