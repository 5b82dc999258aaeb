not_both: assert property (@(posedge clk) disable iff (!rst_n) !(ack && busy));
ack_holds: assert property (@(posedge clk) disable iff (!rst_n) ack && req |=> ack);
ack_drops: assert property (@(posedge clk) disable iff (!rst_n) ack && !req |=> !ack);
ack_after_busy: assert property (@(posedge clk) disable iff (!rst_n) $rose(ack) |-> $past(busy) && $past(data_ok));
busy_to_ack: assert property (@(posedge clk) disable iff (!rst_n) busy && data_ok |=> ack);
