wrong_aw_only: assert property (@(posedge clk) disable iff (!rst_n) awvalid && awready |=> bvalid);
