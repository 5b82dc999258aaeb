wrong_direct: assert property (@(posedge clk) disable iff (!rst_n) en |=> q == $past(d));
