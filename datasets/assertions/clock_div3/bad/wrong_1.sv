wrong_every_two: assert property (@(posedge clk) disable iff (!rst_n) tick |=> !tick ##1 tick);
