wrong_never_two: assert property (@(posedge clk) disable iff (!rst_n) state != 8'h02);
