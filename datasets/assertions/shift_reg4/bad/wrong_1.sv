wrong_delay: assert property (@(posedge clk) disable iff (!rst_n) en [*3] |=> q == $past(d, 3));
