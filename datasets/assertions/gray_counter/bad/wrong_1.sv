wrong_two_bits: assert property (@(posedge clk) disable iff (!rst_n) en |=> $countones(gray ^ $past(gray)) == 2);
