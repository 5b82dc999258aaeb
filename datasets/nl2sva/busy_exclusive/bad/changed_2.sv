asrt: assert property (@(posedge clk) disable iff (tb_reset) !(a_busy && b_busy) && !(a_busy && $past(b_busy)));
