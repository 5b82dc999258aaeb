resp_holds: assert property (@(posedge clk) disable iff (!rst_n) bvalid && !bready |=> bvalid);
no_accept_pending: assert property (@(posedge clk) disable iff (!rst_n) bvalid |-> !awready && !wready);
both_at_once: assert property (@(posedge clk) disable iff (!rst_n) awvalid && awready && wvalid && wready |=> bvalid && reg0 == $past(wdata));
resp_after_both: assert property (@(posedge clk) disable iff (!rst_n) $rose(bvalid) |-> $past(have_aw || (awvalid && awready)) && $past(have_w || (wvalid && wready)));
