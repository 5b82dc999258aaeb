add_ok: assert property (@(posedge clk) disable iff (!rst_n) op == 3'd0 |=> y == $past(a) + $past(b));
sub_self_zero: assert property (@(posedge clk) disable iff (!rst_n) op == 3'd1 && a == b |=> zero);
slt_bool: assert property (@(posedge clk) disable iff (!rst_n) op == 3'd5 || op == 3'd6 |=> y[7:1] == 7'd0);
slt_sign: assert property (@(posedge clk) disable iff (!rst_n) op == 3'd5 && a[7] && !b[7] |=> y == 8'd1);
