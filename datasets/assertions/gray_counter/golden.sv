one_bit: assert property (@(posedge clk) disable iff (!rst_n) en |=> $onehot(gray ^ $past(gray)));
hold: assert property (@(posedge clk) disable iff (!rst_n) !en |=> $stable(gray));
decode: assert property (@(posedge clk) disable iff (!rst_n) gray[3] == bin[3]);
wrap: assert property (@(posedge clk) disable iff (!rst_n) en && gray == 4'b1000 |=> gray == 4'b0000);
