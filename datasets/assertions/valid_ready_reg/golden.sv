hold_valid: assert property (@(posedge clk) disable iff (!rst_n) out_valid && !out_ready |=> out_valid);
hold_data: assert property (@(posedge clk) disable iff (!rst_n) out_valid && !out_ready |=> $stable(out_data));
takes_data: assert property (@(posedge clk) disable iff (!rst_n) in_valid && in_ready |=> out_valid && out_data == $past(in_data));
ready_when_empty: assert property (@(posedge clk) disable iff (!rst_n) !out_valid |-> in_ready);
