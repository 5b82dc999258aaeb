x0_reads_zero1: assert property (@(posedge clk) disable iff (!rst_n) raddr1 == 3'd0 |-> rdata1 == 8'd0);
x0_reads_zero2: assert property (@(posedge clk) disable iff (!rst_n) raddr2 == 3'd0 |-> rdata2 == 8'd0);
write_visible: assert property (@(posedge clk) disable iff (!rst_n) we && waddr != 3'd0 ##1 raddr1 == $past(waddr) |-> rdata1 == $past(wdata));
ports_agree: assert property (@(posedge clk) disable iff (!rst_n) raddr1 == raddr2 |-> rdata1 == rdata2);
