wrong_stall: assert property (@(posedge clk) disable iff (!rst_n) take |=> pc == {$past(target[15:1]), 1'b0});
