wrong_xor: assert property (@(posedge clk) disable iff (!rst_n) op == 3'd4 |=> y == ($past(a) | $past(b)));
