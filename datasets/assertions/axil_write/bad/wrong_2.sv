wrong_resp_one: assert property (@(posedge clk) disable iff (!rst_n) bvalid |=> !bvalid);
