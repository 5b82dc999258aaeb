asrt: assert property (@(posedge clk) disable iff (tb_reset) (gnt & ~req) == 4'b0000);
