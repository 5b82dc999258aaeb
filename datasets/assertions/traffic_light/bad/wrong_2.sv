wrong_red_len: assert property (@(posedge clk) disable iff (!rst_n) $rose(red) |-> red [*4]);
