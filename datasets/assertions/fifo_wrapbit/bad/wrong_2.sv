wrong_full: assert property (@(posedge clk) disable iff (!rst_n) used == 4'd7 && wr_en |=> full);
