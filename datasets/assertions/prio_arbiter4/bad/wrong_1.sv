wrong_prio: assert property (@(posedge clk) disable iff (rst) req[3] |-> gnt[3]);
