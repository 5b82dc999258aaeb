wrong_early: assert property (@(posedge clk) disable iff (!rst_n) kick ##1 !kick [*5] |-> bite);
