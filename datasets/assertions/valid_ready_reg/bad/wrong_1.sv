wrong_ready: assert property (@(posedge clk) disable iff (!rst_n) out_valid |-> in_ready);
