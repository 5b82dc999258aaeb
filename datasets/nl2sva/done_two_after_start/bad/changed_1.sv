asrt: assert property (@(posedge clk) disable iff (tb_reset) start |-> ##2 done);
