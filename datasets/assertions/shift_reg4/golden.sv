delay_four: assert property (@(posedge clk) disable iff (!rst_n) en [*4] |=> q == $past(d, 4));
hold: assert property (@(posedge clk) disable iff (!rst_n) !en |=> $stable(q));
stage_moves: assert property (@(posedge clk) disable iff (!rst_n) en |=> s1 == $past(s0));
