wrong_busy: assert property (@(posedge clk) disable iff (rst) busy |-> gnt != 4'b0000);
