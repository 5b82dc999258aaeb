// Assertions on the responder, written in the top module's scope.
ack_after_3: assert property (@(posedge clk) disable iff (!rst_n) req && !busy |-> ##3 ack);
ack_pulse: assert property (@(posedge clk) disable iff (!rst_n) ack |=> !ack);
ack_window: assert property (@(posedge clk) disable iff (!rst_n) $rose(busy) |-> ##[1:3] ack);
busy_run: assert property (@(posedge clk) disable iff (!rst_n) $rose(busy) |-> busy[*3] ##1 !busy);
ack_too_early: assert property (@(posedge clk) disable iff (!rst_n) req && !busy |-> ##2 ack);
