wrong_fast: assert property (@(posedge clk) disable iff (!rst_n) noisy [*2] |=> clean);
