wrong_wrap: assert property (@(posedge clk) disable iff (!rst_n) value == 4'd15 && up && !down |=> value == 4'd0);
