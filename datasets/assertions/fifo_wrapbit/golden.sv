used_bound: assert property (@(posedge clk) disable iff (!rst_n) used <= 4'd8);
full_means_eight: assert property (@(posedge clk) disable iff (!rst_n) full |-> used == 4'd8);
no_write_when_full: assert property (@(posedge clk) disable iff (!rst_n) full && !rd_en |=> $stable(wp));
read_moves: assert property (@(posedge clk) disable iff (!rst_n) rd_en && !empty |=> rp == $past(rp) + 4'd1);
