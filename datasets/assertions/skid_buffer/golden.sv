stall_holds: assert property (@(posedge clk) disable iff (!rst_n) m_valid && !m_ready |=> m_valid && $stable(m_data));
skid_only_when_main: assert property (@(posedge clk) disable iff (!rst_n) skid_v |-> main_v);
ready_iff_spare: assert property (@(posedge clk) disable iff (!rst_n) s_ready == !skid_v);
accept_to_main: assert property (@(posedge clk) disable iff (!rst_n) s_valid && s_ready && !main_v |=> m_valid && m_data == $past(s_data));
