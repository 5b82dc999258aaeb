asrt: assert property (@(posedge clk) disable iff (tb_reset) valid && !ready |=> valid);
