wrong_no_sign: assert property (@(posedge clk) disable iff (!rst_n) instr[6:0] == 7'b0010011 |=> imm[31:12] == 20'd0);
