wrong_bypass: assert property (@(posedge clk) disable iff (!rst_n) we && waddr != 3'd0 && raddr1 == waddr |-> rdata1 == wdata);
