wrong_seq: assert property (@(posedge clk) disable iff (!rst_n) din ##1 din ##1 din ##1 din |=> found);
