wrong_always_ready: assert property (@(posedge clk) disable iff (!rst_n) s_ready);
