wrong_len: assert property (@(posedge clk) disable iff (!rst_n) found |=> found);
