cnt_range: assert property (@(posedge clk) disable iff (!rst_n) cnt != 2'd3);
tick_spacing: assert property (@(posedge clk) disable iff (!rst_n) tick |=> !tick ##1 !tick ##1 tick);
tick_then_zero: assert property (@(posedge clk) disable iff (!rst_n) tick |=> cnt == 2'd0);
