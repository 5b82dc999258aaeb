sat_top: assert property (@(posedge clk) disable iff (!rst_n) value == 4'd15 && up && !down |=> value == 4'd15);
sat_bottom: assert property (@(posedge clk) disable iff (!rst_n) value == 4'd0 && down && !up |=> value == 4'd0);
both_hold: assert property (@(posedge clk) disable iff (!rst_n) up && down |=> $stable(value));
up_step: assert property (@(posedge clk) disable iff (!rst_n) up && !down && value != 4'd15 |=> value == $past(value) + 4'd1);
