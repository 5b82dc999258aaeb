asrt: assert property (@(posedge clk) disable iff (tb_reset) (gnt & ~$past(req)) == 4'b0000);
