onehot_grant: assert property (@(posedge clk) disable iff (!rst_n) $onehot0(gnt));
grant_was_requested: assert property (@(posedge clk) disable iff (!rst_n) req == 3'b000 |=> gnt == 3'b000);
some_grant: assert property (@(posedge clk) disable iff (!rst_n) req != 3'b000 |=> gnt != 3'b000);
fair_two: assert property (@(posedge clk) disable iff (!rst_n) gnt[0] && req == 3'b011 |=> gnt[1]);
last_valid: assert property (@(posedge clk) disable iff (!rst_n) last != 2'd3);
