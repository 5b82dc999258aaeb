wrong_follow: assert property (@(posedge clk) disable iff (!rst_n) $rose(noisy) |=> clean);
