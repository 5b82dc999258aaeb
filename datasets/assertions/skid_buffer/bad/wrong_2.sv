wrong_no_skid: assert property (@(posedge clk) disable iff (!rst_n) !skid_v);
