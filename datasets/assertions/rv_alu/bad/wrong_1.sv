wrong_slt_unsigned: assert property (@(posedge clk) disable iff (!rst_n) op == 3'd5 && a > b |=> y == 8'd0);
