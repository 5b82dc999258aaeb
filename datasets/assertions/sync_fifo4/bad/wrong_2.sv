wrong_full: assert property (@(posedge clk) disable iff (!rst_n) push && !pop |=> count == $past(count) + 3'd1);
