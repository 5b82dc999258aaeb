wrong_we_in_ack: assert property (@(posedge clk) disable iff (!rst_n) ack && we |-> sram_we);
