changes_need_stability: assert property (@(posedge clk) disable iff (!rst_n) $changed(clean) |-> $past(noisy) == clean && $past(noisy, 2) == clean);
settles: assert property (@(posedge clk) disable iff (!rst_n) noisy [*6] |=> clean);
settles_low: assert property (@(posedge clk) disable iff (!rst_n) !noisy [*6] |=> !clean);
