wrong_setup_write: assert property (@(posedge clk) disable iff (!rst_n) psel && pwrite && paddr == 2'd1 |=> r1 == $past(pwdata));
