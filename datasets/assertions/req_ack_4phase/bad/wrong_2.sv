wrong_hold: assert property (@(posedge clk) disable iff (!rst_n) ack |=> ack);
