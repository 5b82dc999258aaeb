wrong_fast: assert property (@(posedge clk) disable iff (!rst_n) $rose(req) && !ack |=> ack);
