wrong_j_odd: assert property (@(posedge clk) disable iff (!rst_n) instr[6:0] == 7'b1101111 |=> imm[1] == 1'b0);
