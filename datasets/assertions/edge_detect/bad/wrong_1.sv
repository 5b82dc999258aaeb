wrong_same_cycle: assert property (@(posedge clk) disable iff (!rst_n) !sig ##1 sig |-> rise);
