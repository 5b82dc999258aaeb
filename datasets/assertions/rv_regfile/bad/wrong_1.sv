wrong_x0_write: assert property (@(posedge clk) disable iff (!rst_n) we ##1 raddr1 == $past(waddr) |-> rdata1 == $past(wdata));
