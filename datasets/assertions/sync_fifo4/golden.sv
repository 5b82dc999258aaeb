count_bound: assert property (@(posedge clk) disable iff (!rst_n) count <= 3'd4);
not_full_and_empty: assert property (@(posedge clk) disable iff (!rst_n) !(full && empty));
push_grows: assert property (@(posedge clk) disable iff (!rst_n) push && !pop && !full |=> count == $past(count) + 3'd1);
pop_shrinks: assert property (@(posedge clk) disable iff (!rst_n) pop && !push && !empty |=> count == $past(count) - 3'd1);
ptrs_meet: assert property (@(posedge clk) disable iff (!rst_n) empty |-> wr_ptr == rd_ptr);
