wrong_lsb: assert property (@(posedge clk) disable iff (!rst_n) en |=> gray[0] != $past(gray[0]));
