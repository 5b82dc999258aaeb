wrong_range: assert property (@(posedge clk) disable iff (!rst_n) q < 4'd9);
