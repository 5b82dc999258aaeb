i_type: assert property (@(posedge clk) disable iff (!rst_n) instr[6:0] == 7'b0010011 |=> imm == {{20{$past(instr[31])}}, $past(instr[31:20])});
b_even: assert property (@(posedge clk) disable iff (!rst_n) instr[6:0] == 7'b1100011 |=> imm[0] == 1'b0);
u_low_zero: assert property (@(posedge clk) disable iff (!rst_n) instr[6:0] == 7'b0110111 |=> imm[11:0] == 12'd0);
sign_ext: assert property (@(posedge clk) disable iff (!rst_n) instr[6:0] == 7'b0100011 |=> imm[31] == $past(instr[31]));
