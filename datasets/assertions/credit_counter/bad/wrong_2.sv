wrong_full: assert property (@(posedge clk) disable iff (!rst_n) credit_in |=> credits == $past(credits) + 3'd1);
