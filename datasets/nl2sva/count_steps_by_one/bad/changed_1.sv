asrt: assert property (@(posedge clk) disable iff (tb_reset) en |=> count > $past(count));
