one_light: assert property (@(posedge clk) disable iff (!rst_n) $onehot({green, yellow, red}));
yellow_then_red: assert property (@(posedge clk) disable iff (!rst_n) yellow |=> red);
red_three: assert property (@(posedge clk) disable iff (!rst_n) $rose(red) |-> red ##1 red ##1 red ##1 green);
ped_cuts: assert property (@(posedge clk) disable iff (!rst_n) green && ped |=> yellow);
never_green_to_red: assert property (@(posedge clk) disable iff (!rst_n) green |=> !red);
