in_range: assert property (@(posedge clk) disable iff (!rst_n) q <= 4'd9);
wraps: assert property (@(posedge clk) disable iff (!rst_n) tc |=> q == 4'd0);
holds: assert property (@(posedge clk) disable iff (!rst_n) !en |=> $stable(q));
steps: assert property (@(posedge clk) disable iff (!rst_n) en && q < 4'd9 |=> q == $past(q) + 4'd1);
