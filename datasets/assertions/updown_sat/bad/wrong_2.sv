wrong_down: assert property (@(posedge clk) disable iff (!rst_n) down |=> value == $past(value) - 4'd1);
