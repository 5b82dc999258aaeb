// Bare assertions on the counter (they live in the top module's scope).
a_hold: assert property (@(posedge clk) disable iff (rst) !en |=> $stable(count));
a_inc: assert property (@(posedge clk) disable iff (rst) en && count != 4'd15 |=> count == $past(count) + 4'd1);
a_wrong: assert property (@(posedge clk) disable iff (rst) en |=> count == 4'd0);
a_vac: assert property (@(posedge clk) count == 4'd3 && count == 4'd4 |-> ##1 en);
a_bad: assert property (@(posedge clk) en |-> ##1 (count == );
a_uns: assert property (@(posedge clk) en |-> s_eventually wrap);
