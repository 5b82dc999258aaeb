wrong_step: assert property (@(posedge clk) disable iff (!rst_n) en |=> q == $past(q) + 4'd1);
