wrong_forward: assert property (@(posedge clk) disable iff (!rst_n) id_valid && id_load |=> stall);
