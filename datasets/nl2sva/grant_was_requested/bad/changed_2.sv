asrt: assert property (@(posedge clk) disable iff (tb_reset) gnt != 4'b0000 |-> $past(req) != 4'b0000);
