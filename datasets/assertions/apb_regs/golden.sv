ready_in_access: assert property (@(posedge clk) disable iff (!rst_n) psel && penable |-> pready);
no_ready_outside: assert property (@(posedge clk) disable iff (!rst_n) !psel |-> !pready && prdata == 8'd0);
write_r0: assert property (@(posedge clk) disable iff (!rst_n) psel && penable && pwrite && paddr == 2'd0 |=> r0 == $past(pwdata));
err_high_addr: assert property (@(posedge clk) disable iff (!rst_n) psel && penable && paddr >= 2'd2 |-> pslverr);
read_keeps: assert property (@(posedge clk) disable iff (!rst_n) !(psel && penable && pwrite) |=> $stable(r0) && $stable(r1));
