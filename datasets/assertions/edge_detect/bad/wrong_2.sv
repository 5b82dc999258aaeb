wrong_level: assert property (@(posedge clk) disable iff (!rst_n) sig |=> rise);
