wrong_repeat: assert property (@(posedge clk) disable iff (!rst_n) gnt[1] && req[1] |=> gnt[1]);
