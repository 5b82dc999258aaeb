wrong_drop: assert property (@(posedge clk) disable iff (!rst_n) out_valid && out_ready |=> !out_valid);
