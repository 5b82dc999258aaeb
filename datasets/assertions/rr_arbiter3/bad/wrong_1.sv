wrong_priority: assert property (@(posedge clk) disable iff (!rst_n) req[0] |=> gnt[0]);
