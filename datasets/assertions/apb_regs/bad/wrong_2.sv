wrong_err: assert property (@(posedge clk) disable iff (!rst_n) pslverr |-> pwrite);
