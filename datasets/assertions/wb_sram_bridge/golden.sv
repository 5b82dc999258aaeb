ack_pulse: assert property (@(posedge clk) disable iff (!rst_n) ack |=> !ack);
ack_follows: assert property (@(posedge clk) disable iff (!rst_n) cyc && stb && !ack |=> ack);
no_spurious_ack: assert property (@(posedge clk) disable iff (!rst_n) !cyc |=> !ack);
we_only_on_start: assert property (@(posedge clk) disable iff (!rst_n) sram_we |-> cyc && stb && we && !ack);
