never_zero: assert property (@(posedge clk) disable iff (!rst_n) state != 8'h00);
shift: assert property (@(posedge clk) disable iff (!rst_n) en |=> state[7:1] == $past(state[6:0]));
hold: assert property (@(posedge clk) disable iff (!rst_n) !en |=> $stable(state));
