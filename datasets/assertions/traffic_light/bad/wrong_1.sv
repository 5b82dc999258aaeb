wrong_green_len: assert property (@(posedge clk) disable iff (!rst_n) $rose(green) |-> green [*4]);
