wrong_never: assert property (@(posedge clk) disable iff (!rst_n) !tick);
