bubble: assert property (@(posedge clk) disable iff (!rst_n) stall |=> !ex_load && ex_rd == 5'd0);
no_double_stall: assert property (@(posedge clk) disable iff (!rst_n) stall |=> !stall);
x0_never_stalls: assert property (@(posedge clk) disable iff (!rst_n) ex_rd == 5'd0 |-> !stall);
detects: assert property (@(posedge clk) disable iff (!rst_n) id_valid && ex_load && ex_rd != 5'd0 && id_rs2 == ex_rd |-> stall);
