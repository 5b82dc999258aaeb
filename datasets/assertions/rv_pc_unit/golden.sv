even_pc: assert property (@(posedge clk) disable iff (!rst_n) pc[0] == 1'b0);
seq_step: assert property (@(posedge clk) disable iff (!rst_n) !stall && !take |=> pc == $past(pc) + 16'd4);
stall_holds: assert property (@(posedge clk) disable iff (!rst_n) stall |=> $stable(pc));
branch: assert property (@(posedge clk) disable iff (!rst_n) !stall && take |=> pc == {$past(target[15:1]), 1'b0});
