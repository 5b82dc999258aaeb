wrong_fb: assert property (@(posedge clk) disable iff (!rst_n) en |=> state[0] == $past(state[7]));
