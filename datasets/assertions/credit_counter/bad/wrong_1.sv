wrong_send_empty: assert property (@(posedge clk) disable iff (!rst_n) send |=> credits < $past(credits));
