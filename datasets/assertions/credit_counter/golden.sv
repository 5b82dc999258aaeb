max_four: assert property (@(posedge clk) disable iff (!rst_n) credits <= 3'd4);
send_spends: assert property (@(posedge clk) disable iff (!rst_n) send && can_send && !credit_in |=> credits == $past(credits) - 3'd1);
both_keep: assert property (@(posedge clk) disable iff (!rst_n) send && can_send && credit_in && credits != 3'd4 |=> credits == $past(credits));
