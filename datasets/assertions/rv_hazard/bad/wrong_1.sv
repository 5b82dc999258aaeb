wrong_any_load: assert property (@(posedge clk) disable iff (!rst_n) ex_load |-> stall);
