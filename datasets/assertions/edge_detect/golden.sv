not_both: assert property (@(posedge clk) disable iff (!rst_n) !(rise && fall));
rise_pulse: assert property (@(posedge clk) disable iff (!rst_n) rise |=> !rise);
rise_seen: assert property (@(posedge clk) disable iff (!rst_n) !sig ##1 sig |=> rise);
