wrong_push: assert property (@(posedge clk) disable iff (!rst_n) push |=> !empty ##1 !empty);
