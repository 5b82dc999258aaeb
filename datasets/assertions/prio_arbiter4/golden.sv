onehot: assert property (@(posedge clk) disable iff (rst) $onehot0(gnt));
granted_requested: assert property (@(posedge clk) disable iff (rst) (gnt & ~req) == 4'b0000);
top_priority: assert property (@(posedge clk) disable iff (rst) req[0] |-> gnt[0]);
busy_follows: assert property (@(posedge clk) disable iff (rst) gnt != 4'b0000 |=> busy);
