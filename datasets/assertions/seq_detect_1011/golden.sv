state_legal: assert property (@(posedge clk) disable iff (!rst_n) state <= S1011);
detects: assert property (@(posedge clk) disable iff (!rst_n) din ##1 !din ##1 din ##1 din |=> found);
found_means_seen: assert property (@(posedge clk) disable iff (!rst_n) found |-> $past(din, 1) && $past(din, 2) && !$past(din, 3));
single_pulse: assert property (@(posedge clk) disable iff (!rst_n) found |=> !found);
