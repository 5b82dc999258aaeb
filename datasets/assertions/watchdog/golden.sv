bound: assert property (@(posedge clk) disable iff (!rst_n) timer <= 4'd10);
kick_reloads: assert property (@(posedge clk) disable iff (!rst_n) kick |=> timer == 4'd10 && !bite);
bites_stay: assert property (@(posedge clk) disable iff (!rst_n) bite && !kick |=> bite);
ten_quiet: assert property (@(posedge clk) disable iff (!rst_n) kick ##1 !kick [*10] |=> bite);
