wrong_no_bite: assert property (@(posedge clk) disable iff (!rst_n) !bite);
