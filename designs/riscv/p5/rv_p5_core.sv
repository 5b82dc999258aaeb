// rv_p5_core: a 5-stage (IF ID EX MEM WB) RV32IM + Zicsr machine-mode core for rtlarena.
// In: clock, synchronous active-high reset, an instruction port and a data port with a fixed
// one-cycle read latency (the word for an address given in cycle t is on *_rdata in t+1).
// Out: the riscv-formal RVFI port (NRET=1), registered one cycle after WB.
// Where things happen, and why there:
//   IF   presents pc_f; the word arrives in ID. A stalled ID re-presents its own pc.
//   ID   decodes, reads the register file (with a WB write-through bypass), detects illegal
//        instructions, ecall and ebreak, and stalls one cycle when the instruction in EX is
//        a load whose rd it reads (load-use).
//   EX   forwards from MEM then WB, computes ALU/multiply results, runs the iterative divider
//        (stalling IF/ID/EX), resolves branches and jumps (redirect + flush of ID and the
//        fetch in flight), and finds misaligned targets and addresses.
//   MEM  is the single commit point for side effects: stores, CSR reads and writes, trap
//        entry and mret, so a trap there is precise without undoing anything. Traps, mret
//        and a store that hits an instruction already fetched flush EX, ID and IF.
//   WB   extracts load data, writes rd and reports the retirement on RVFI.
// Injectable bugs are guarded by `ifdef RTLARENA_BUG_P5_*` (docs/BUG_CATALOGUE.md).
module rv_p5_core (
    input             clk,
    input             rst,
    output     [31:0] imem_addr,
    input      [31:0] imem_rdata,
    output            dmem_en,
    output     [ 3:0] dmem_wstrb,
    output     [31:0] dmem_addr,
    output     [31:0] dmem_wdata,
    input      [31:0] dmem_rdata,
    output reg        rvfi_valid,
    output reg [63:0] rvfi_order,
    output reg [31:0] rvfi_insn,
    output reg        rvfi_trap,
    output            rvfi_halt,
    output reg        rvfi_intr,
    output     [ 1:0] rvfi_mode,
    output     [ 1:0] rvfi_ixl,
    output reg [ 4:0] rvfi_rs1_addr,
    output reg [ 4:0] rvfi_rs2_addr,
    output reg [31:0] rvfi_rs1_rdata,
    output reg [31:0] rvfi_rs2_rdata,
    output reg [ 4:0] rvfi_rd_addr,
    output reg [31:0] rvfi_rd_wdata,
    output reg [31:0] rvfi_pc_rdata,
    output reg [31:0] rvfi_pc_wdata,
    output reg [31:0] rvfi_mem_addr,
    output reg [ 3:0] rvfi_mem_rmask,
    output reg [ 3:0] rvfi_mem_wmask,
    output reg [31:0] rvfi_mem_rdata,
    output reg [31:0] rvfi_mem_wdata
);
  assign rvfi_halt = 1'b0;
  assign rvfi_mode = 2'd3;
  assign rvfi_ixl = 2'd1;

  // =========================================================================================
  // Pipeline registers (declared first: the stages read each other's)
  // =========================================================================================
  reg [31:0] pc_f;

  reg d_valid;
  reg [31:0] d_pc;

  reg e_valid;
  reg [31:0] e_pc, e_insn, e_rs1_val, e_rs2_val, e_cause, e_tval;
  reg e_trap;

  reg m_valid;
  reg [31:0] m_pc, m_insn, m_result, m_store_data, m_next_pc, m_cause, m_tval;
  reg [31:0] m_rs1_val, m_rs2_val;
  reg [4:0] m_rd, m_rs1_addr, m_rs2_addr;
  reg m_writes_rd, m_trap, m_is_load, m_is_store, m_is_csr, m_is_mret;
  /* verilator lint_off UNUSEDSIGNAL */  // read only by an injectable bug
  reg m_is_ebreak;
  /* verilator lint_on UNUSEDSIGNAL */
  reg [31:0] m_csr_src;

  reg w_valid;
  reg [31:0] w_pc, w_insn, w_result, w_next_pc, w_rs1_val, w_rs2_val, w_store_data;
  reg [4:0] w_rd, w_rs1_addr, w_rs2_addr;
  reg w_writes_rd, w_trap, w_is_load, w_is_store;
  reg intr_next;

  reg [31:0] rf[0:31];

  wire [31:0] csr_rdata, mtvec_base, mepc;  // from the CSR file in MEM
  wire flush_mem;  // MEM redirects (trap, mret, store into fetched code)

  // =========================================================================================
  // WB: load data and the value written to rd (needed early: forwarding and ID bypass)
  // =========================================================================================
  wire [2:0] w_funct3 = w_insn[14:12];
  wire [3:0] w_size_mask = w_funct3[1:0] == 2'd0 ? 4'b0001 :
                           w_funct3[1:0] == 2'd1 ? 4'b0011 : 4'b1111;
  wire [31:0] w_mask32 = {{8{w_size_mask[3]}}, {8{w_size_mask[2]}}, {8{w_size_mask[1]}},
                          {8{w_size_mask[0]}}};
  wire [31:0] w_load_raw = (dmem_rdata >> {w_result[1:0], 3'b000}) & w_mask32;
  reg [31:0] w_load_val;
  always @* begin
    case (w_funct3)
`ifdef RTLARENA_BUG_P5_LB_ZEXT
      3'd0: w_load_val = {24'd0, w_load_raw[7:0]};  // bug: LB zero-extends
`else
      3'd0: w_load_val = {{24{w_load_raw[7]}}, w_load_raw[7:0]};
`endif
      3'd1: w_load_val = {{16{w_load_raw[15]}}, w_load_raw[15:0]};
      default: w_load_val = w_load_raw;
    endcase
  end
  wire [31:0] w_value = w_is_load ? w_load_val : w_result;
  wire w_wr = w_valid && w_writes_rd && !w_trap;

  // =========================================================================================
  // ID
  // =========================================================================================
  wire [31:0] d_insn = imem_rdata;
  wire [4:0] d_rs1 = d_insn[19:15];
  wire [4:0] d_rs2 = d_insn[24:20];
  wire d_legal, d_uses_rs1, d_uses_rs2, d_is_ecall, d_is_ebreak;
  /* verilator lint_off UNUSEDSIGNAL */  // ID needs only legality, sources and trap kinds
  wire d_is_branch;
  wire d_writes_rd, d_is_lui, d_is_auipc, d_is_jal, d_is_jalr, d_is_load, d_is_store;
  wire d_is_alu, d_is_alu_imm, d_is_mul, d_is_div, d_is_csr, d_is_mret;
  wire [31:0] d_imm;
  /* verilator lint_on UNUSEDSIGNAL */
  rv_p5_decode d_dec (
      .insn(d_insn), .legal(d_legal), .uses_rs1(d_uses_rs1), .uses_rs2(d_uses_rs2),
      .writes_rd(d_writes_rd), .is_lui(d_is_lui), .is_auipc(d_is_auipc), .is_jal(d_is_jal),
      .is_jalr(d_is_jalr), .is_branch(d_is_branch), .is_load(d_is_load),
      .is_store(d_is_store), .is_alu(d_is_alu), .is_alu_imm(d_is_alu_imm), .is_mul(d_is_mul),
      .is_div(d_is_div), .is_csr(d_is_csr), .is_ecall(d_is_ecall), .is_ebreak(d_is_ebreak),
      .is_mret(d_is_mret), .imm(d_imm)
  );

`ifdef RTLARENA_BUG_P5_WB_BYPASS
  // bug: no write-through, so a reader three behind its producer sees the old value
  wire [31:0] d_rs1_val = d_rs1 == 5'd0 ? 32'd0 : rf[d_rs1];
  wire [31:0] d_rs2_val = d_rs2 == 5'd0 ? 32'd0 : rf[d_rs2];
`else
  wire [31:0] d_rs1_val = d_rs1 == 5'd0 ? 32'd0 : (w_wr && w_rd == d_rs1) ? w_value : rf[d_rs1];
  wire [31:0] d_rs2_val = d_rs2 == 5'd0 ? 32'd0 : (w_wr && w_rd == d_rs2) ? w_value : rf[d_rs2];
`endif

  wire d_trap = !d_legal || d_is_ecall || d_is_ebreak;
  wire [31:0] d_cause = !d_legal ? 32'd2 : d_is_ecall ? 32'd11 : 32'd3;
  wire [31:0] d_tval = !d_legal ? d_insn : d_is_ecall ? 32'd0 : d_pc;

  // =========================================================================================
  // EX
  // =========================================================================================
  wire e_uses_rs1, e_uses_rs2, e_writes_rd, e_is_lui, e_is_auipc, e_is_jal, e_is_jalr;
  wire e_is_branch, e_is_load, e_is_store, e_is_alu_imm, e_is_mul, e_is_div;
  wire e_is_csr, e_is_ebreak, e_is_mret;
  /* verilator lint_off UNUSEDSIGNAL */  // legality and ecall were settled in ID
  wire e_legal, e_is_alu, e_is_ecall;
  /* verilator lint_on UNUSEDSIGNAL */
  wire [31:0] e_imm;
  rv_p5_decode e_dec (
      .insn(e_insn), .legal(e_legal), .uses_rs1(e_uses_rs1), .uses_rs2(e_uses_rs2),
      .writes_rd(e_writes_rd), .is_lui(e_is_lui), .is_auipc(e_is_auipc), .is_jal(e_is_jal),
      .is_jalr(e_is_jalr), .is_branch(e_is_branch), .is_load(e_is_load),
      .is_store(e_is_store), .is_alu(e_is_alu), .is_alu_imm(e_is_alu_imm), .is_mul(e_is_mul),
      .is_div(e_is_div), .is_csr(e_is_csr), .is_ecall(e_is_ecall), .is_ebreak(e_is_ebreak),
      .is_mret(e_is_mret), .imm(e_imm)
  );
  wire [4:0] e_rs1 = e_insn[19:15];
  wire [4:0] e_rs2 = e_insn[24:20];
  wire [4:0] e_rd = e_insn[11:7];
  wire [2:0] e_funct3 = e_insn[14:12];

  // Forwarding: MEM is younger than WB, so it wins when both write the register.
  wire m_fwd_ok = m_valid && m_writes_rd && !m_trap;
`ifdef RTLARENA_BUG_P5_CSR_FWD
  wire [31:0] m_fwd_value = m_result;  // bug: the CSR's old value is not on the MEM bypass
`else
  wire [31:0] m_fwd_value = m_is_csr ? csr_rdata : m_result;
`endif
  reg [31:0] e_a, e_b;
  always @* begin
`ifdef RTLARENA_BUG_P5_FWD_X0
    if (1'b0) e_a = 32'd0;  // bug: x0 is not excluded from forwarding
`else
    if (e_rs1 == 5'd0) e_a = 32'd0;
`endif
`ifdef RTLARENA_BUG_P5_FWD_PRIORITY
    else if (w_wr && w_rd == e_rs1) e_a = w_value;  // bug: older WB result checked first
    else if (m_fwd_ok && m_rd == e_rs1) e_a = m_fwd_value;
`else
    else if (m_fwd_ok && m_rd == e_rs1) e_a = m_fwd_value;
    else if (w_wr && w_rd == e_rs1) e_a = w_value;
`endif
    else e_a = e_rs1_val;
  end
  always @* begin
`ifdef RTLARENA_BUG_P5_FWD_X0
    if (1'b0) e_b = 32'd0;
`else
    if (e_rs2 == 5'd0) e_b = 32'd0;
`endif
`ifdef RTLARENA_BUG_P5_FWD_PRIORITY
    else if (w_wr && w_rd == e_rs2) e_b = w_value;
    else if (m_fwd_ok && m_rd == e_rs2) e_b = m_fwd_value;
`else
    else if (m_fwd_ok && m_rd == e_rs2) e_b = m_fwd_value;
    else if (w_wr && w_rd == e_rs2) e_b = w_value;
`endif
    else e_b = e_rs2_val;
  end

  wire [31:0] alu_y;
  rv_p5_alu alu (
      .funct3(e_funct3), .alt(e_insn[30]), .b_imm(e_is_alu_imm), .mul(e_is_mul), .a(e_a),
      .b(e_is_alu_imm ? e_imm : e_b), .y(alu_y)
  );

  // divider: started on the first EX cycle of a DIV*, EX holds until done
  wire div_busy, div_done;
  wire [31:0] div_y;
  wire div_go = e_valid && e_is_div && !e_trap;
  rv_p5_div div (
      .clk(clk), .rst(rst), .start(div_go && !div_busy && !flush_mem), .abort(flush_mem),
      .op(e_funct3[1:0]), .a(e_a), .b(e_b), .busy(div_busy), .done(div_done), .result(div_y)
  );
  wire stall_ex = div_go && !div_done;
`ifdef RTLARENA_BUG_P5_REM_ZERO_AFTER_LOADUSE
  // bug: a remainder by zero that starts right after a load-use bubble (the load in WB, the
  // bubble in MEM) returns 0 instead of the dividend
  reg rem_zero_bug;
  always @(posedge clk)
    if (rst) rem_zero_bug <= 1'b0;
    else if (div_go && !div_busy) rem_zero_bug <= w_valid && w_is_load && !m_valid && e_b == 32'd0 && e_funct3[1];
  wire [31:0] div_result = rem_zero_bug ? 32'd0 : div_y;
`else
  wire [31:0] div_result = div_y;
`endif

  // branches and jumps
  reg br_taken;
  always @* begin
    case (e_funct3)
      3'd0: br_taken = e_a == e_b;
      3'd1: br_taken = e_a != e_b;
      3'd4: br_taken = $signed(e_a) < $signed(e_b);
      3'd5: br_taken = $signed(e_a) >= $signed(e_b);
      3'd6: br_taken = e_a < e_b;
      default: br_taken = e_a >= e_b;
    endcase
  end
  wire [31:0] e_pc4 = e_pc + 32'd4;
  /* verilator lint_off UNUSEDSIGNAL */  // JALR clears bit 0
  wire [31:0] jalr_sum = e_a + e_imm;
  /* verilator lint_on UNUSEDSIGNAL */
  wire [31:0] e_target = e_is_jalr ? {jalr_sum[31:1], 1'b0} : e_pc + e_imm;
  wire e_jumps = e_is_jal || e_is_jalr || (e_is_branch && br_taken);
  wire e_jump_misaligned = e_jumps && e_target[1];

  // memory address and store data
  wire [31:0] e_addr = e_a + e_imm;
  wire [1:0] e_size = e_funct3[1:0];
`ifdef RTLARENA_BUG_P5_MISALIGNED_NOTRAP
  wire e_mem_misaligned = e_size == 2'd2 && e_addr[1:0] != 2'b00;  // bug: halves unchecked
`else
  wire e_mem_misaligned = (e_size == 2'd1 && e_addr[0]) || (e_size == 2'd2 && e_addr[1:0] != 2'b00);
`endif
  wire [31:0] e_store_data = e_size == 2'd0 ? {4{e_b[7:0]}} :
                             e_size == 2'd1 ? {2{e_b[15:0]}} : e_b;

  // exceptions found here join the one carried from ID
  reg e_trap_all;
  reg [31:0] e_cause_all, e_tval_all;
  always @* begin
    e_trap_all = 1'b1;
    e_cause_all = e_cause;
    e_tval_all = e_tval;
    if (e_trap) begin
      e_trap_all = 1'b1;
    end else if (e_jump_misaligned) begin
      e_cause_all = 32'd0;
      e_tval_all = e_target;
    end else if ((e_is_load || e_is_store) && e_mem_misaligned) begin
      e_cause_all = e_is_load ? 32'd4 : 32'd6;
      e_tval_all = e_addr;
    end else begin
      e_trap_all = 1'b0;
    end
  end

  reg [31:0] e_result;
  always @* begin
    if (e_is_lui) e_result = e_imm;
    else if (e_is_auipc) e_result = e_pc + e_imm;
    else if (e_is_jal || e_is_jalr) e_result = e_pc4;
    else if (e_is_div) e_result = div_result;
    else if (e_is_load || e_is_store) e_result = e_addr;
    else if (e_is_csr) e_result = e_a;
    else e_result = alu_y;
  end

  wire redirect_ex = e_valid && !e_trap_all && e_jumps && !stall_ex;

  // =========================================================================================
  // MEM
  // =========================================================================================
  wire m_csr_access = m_valid && m_is_csr && !m_trap;
  wire m_csr_writes = m_insn[13:12] == 2'b01 || m_insn[19:15] != 5'd0;
  wire m_take_trap = m_valid && m_trap;
`ifdef RTLARENA_BUG_P5_MEPC_PLUS4
  wire [31:0] m_epc = m_cause == 32'd2 ? m_pc + 32'd4 : m_pc;  // bug: illegal -> next pc
`else
  wire [31:0] m_epc = m_pc;
`endif
`ifdef RTLARENA_BUG_P5_EBREAK_MINSTRET
  wire m_retired = m_valid && (!m_trap || m_is_ebreak);  // bug: ebreak counted
`else
  wire m_retired = m_valid && !m_trap;
`endif
  rv_p5_csr csr (
      .clk(clk), .rst(rst), .access(m_csr_access), .addr(m_insn[31:20]), .op(m_insn[13:12]),
      .src(m_csr_src), .writes(m_csr_writes), .rdata(csr_rdata), .trap(m_take_trap),
      .trap_epc(m_epc), .trap_cause(m_cause), .trap_tval(m_tval),
      .mret(m_valid && m_is_mret && !m_trap), .retired(m_retired),
`ifdef RTLARENA_BUG_P5_SHADOW_MTVAL
      .shadow_tval_we(redirect_ex && d_valid && !d_legal && !flush_mem), .shadow_tval(d_insn),
`endif
      .mtvec_base(mtvec_base),
      .mepc_out(mepc)
  );

  wire m_mem_ok = m_valid && !m_trap;
  assign dmem_en = m_mem_ok && (m_is_load || m_is_store);
  assign dmem_addr = m_result;
  assign dmem_wdata = m_store_data;
  wire [1:0] m_size = m_insn[13:12];
  wire [3:0] m_size_mask = m_size == 2'd0 ? 4'b0001 : m_size == 2'd1 ? 4'b0011 : 4'b1111;
  assign dmem_wstrb = (m_mem_ok && m_is_store) ? m_size_mask << m_result[1:0] : 4'd0;

  // A store into a word that is already in EX, ID or being fetched: refetch after it.
  wire [13:0] m_word = m_result[15:2];
  wire smc_hit = m_mem_ok && m_is_store &&
                 ((e_valid && e_pc[15:2] == m_word) || (d_valid && d_pc[15:2] == m_word) ||
                  pc_f[15:2] == m_word);
  assign flush_mem = m_take_trap || (m_valid && m_is_mret) || smc_hit;
  wire [31:0] m_redirect = m_take_trap ? mtvec_base : m_is_mret ? mepc : m_pc + 32'd4;

  // =========================================================================================
  // Hazards and the fetch address
  // =========================================================================================
  wire e_rd_is_load = e_valid && e_is_load && e_rd != 5'd0;
  wire d_needs_e = (d_uses_rs1 && d_rs1 == e_rd) || (d_uses_rs2 && d_rs2 == e_rd);
`ifdef RTLARENA_BUG_P5_LOADUSE_SHORT
  wire stall_d = 1'b0;  // bug: no load-use bubble; the consumer sees the address
`elsif RTLARENA_BUG_P5_LOADUSE_BRANCH
  wire stall_d = d_valid && e_rd_is_load && d_needs_e && !d_is_branch;  // bug
`else
  wire stall_d = d_valid && e_rd_is_load && d_needs_e;
`endif
  assign imem_addr = (stall_ex || stall_d) ? d_pc : pc_f;
`ifdef RTLARENA_BUG_P5_STALL_HOLD_OPERAND
  // bug: during a load-use bubble ID keeps the operands it read in the first stalled cycle,
  // so a value written back in that cycle (by the instruction just before the load) is missed
  reg stall_d_q;
  reg [31:0] d_rs1_held, d_rs2_held;
  always @(posedge clk) begin
    stall_d_q <= !rst && stall_d && !flush_mem;
    if (stall_d && !stall_d_q) begin
      d_rs1_held <= d_rs1_val;
      d_rs2_held <= d_rs2_val;
    end
  end
  wire [31:0] d_rs1_in = stall_d_q ? d_rs1_held : d_rs1_val;
  wire [31:0] d_rs2_in = stall_d_q ? d_rs2_held : d_rs2_val;
`else
  wire [31:0] d_rs1_in = d_rs1_val;
  wire [31:0] d_rs2_in = d_rs2_val;
`endif

  // =========================================================================================
  // Sequential update, stage by stage (flush from MEM > redirect from EX > stalls)
  // =========================================================================================
  integer i;
  always @(posedge clk) begin
    if (rst) begin
      pc_f <= 32'd0;
      d_valid <= 1'b0;
      d_pc <= 32'd0;
      e_valid <= 1'b0;
      e_pc <= 32'd0;
      e_insn <= 32'h0000_0013;
      e_rs1_val <= 32'd0;
      e_rs2_val <= 32'd0;
      e_trap <= 1'b0;
      e_cause <= 32'd0;
      e_tval <= 32'd0;
      m_valid <= 1'b0;
      w_valid <= 1'b0;
      intr_next <= 1'b0;
      for (i = 0; i < 32; i = i + 1) rf[i] <= 32'd0;
    end else begin
      // ---- IF / ID ----
      if (flush_mem) begin
        pc_f <= m_redirect;
        d_valid <= 1'b0;
      end else if (redirect_ex) begin
        pc_f <= e_target;
`ifdef RTLARENA_BUG_P5_BRANCH_FLUSH_SLOT
        // bug: for conditional branches the word fetched behind the branch (pc+8) is kept
        d_valid <= e_is_branch;
        d_pc <= pc_f;
`else
        d_valid <= 1'b0;
`endif
      end else if (!(stall_ex || stall_d)) begin
        d_valid <= 1'b1;
        d_pc <= pc_f;
        pc_f <= pc_f + 32'd4;
      end

      // ---- ID -> EX ----
      if (flush_mem) begin
        e_valid <= 1'b0;
      end else if (stall_ex) begin
`ifndef RTLARENA_BUG_P5_DIV_STALE_OPERAND  // the bug drops this refresh
        e_rs1_val <= e_a;  // keep forwarded operands: their producers retire meanwhile
        e_rs2_val <= e_b;
`endif
      end else if (redirect_ex || stall_d || !d_valid) begin
        e_valid <= 1'b0;
      end else begin
        e_valid <= 1'b1;
        e_pc <= d_pc;
        e_insn <= d_insn;
        e_rs1_val <= d_rs1_in;
        e_rs2_val <= d_rs2_in;
        e_trap <= d_trap;
        e_cause <= d_cause;
        e_tval <= d_tval;
      end

      // ---- EX -> MEM ----
      m_valid <= e_valid && !flush_mem && !stall_ex;
      m_pc <= e_pc;
      m_insn <= e_insn;
      m_result <= e_result;
      m_store_data <= e_store_data;
      m_next_pc <= e_jumps ? e_target : e_pc4;
      m_trap <= e_trap_all;
      m_cause <= e_cause_all;
      m_tval <= e_tval_all;
      m_rd <= e_rd;
      m_writes_rd <= e_writes_rd && !e_trap_all;
      m_is_load <= e_is_load;
      m_is_store <= e_is_store;
      m_is_csr <= e_is_csr;
      m_is_mret <= e_is_mret;
      m_is_ebreak <= e_is_ebreak;
      m_csr_src <= e_funct3[2] ? {27'd0, e_rs1} : e_a;
      m_rs1_addr <= e_uses_rs1 ? e_rs1 : 5'd0;
      m_rs2_addr <= e_uses_rs2 ? e_rs2 : 5'd0;
      m_rs1_val <= e_uses_rs1 ? e_a : 32'd0;
      m_rs2_val <= e_uses_rs2 ? e_b : 32'd0;

      // ---- MEM -> WB ----
      w_valid <= m_valid;
      w_pc <= m_pc;
      w_insn <= m_insn;
      w_result <= m_is_csr ? csr_rdata : m_result;
      w_next_pc <= m_take_trap ? mtvec_base : m_is_mret ? mepc : m_next_pc;
      w_trap <= m_trap;
      w_rd <= m_rd;
      w_writes_rd <= m_writes_rd;
      w_is_load <= m_is_load && !m_trap;
      w_is_store <= m_is_store && !m_trap;
      w_store_data <= m_rs2_val;
      w_rs1_addr <= m_rs1_addr;
      w_rs2_addr <= m_rs2_addr;
      w_rs1_val <= m_rs1_val;
      w_rs2_val <= m_rs2_val;

      // ---- WB ----
      if (w_wr && w_rd != 5'd0) rf[w_rd] <= w_value;
      if (w_valid) intr_next <= w_trap;
    end
  end

  // =========================================================================================
  // RVFI: one retirement per cycle, registered from WB
  // =========================================================================================
  always @(posedge clk) begin
    if (rst) begin
      rvfi_valid <= 1'b0;
      rvfi_order <= 64'd0;
      rvfi_insn <= 32'd0;
      rvfi_trap <= 1'b0;
      rvfi_intr <= 1'b0;
      rvfi_rs1_addr <= 5'd0;
      rvfi_rs2_addr <= 5'd0;
      rvfi_rs1_rdata <= 32'd0;
      rvfi_rs2_rdata <= 32'd0;
      rvfi_rd_addr <= 5'd0;
      rvfi_rd_wdata <= 32'd0;
      rvfi_pc_rdata <= 32'd0;
      rvfi_pc_wdata <= 32'd0;
      rvfi_mem_addr <= 32'd0;
      rvfi_mem_rmask <= 4'd0;
      rvfi_mem_wmask <= 4'd0;
      rvfi_mem_rdata <= 32'd0;
      rvfi_mem_wdata <= 32'd0;
    end else begin
      rvfi_order <= rvfi_order + {63'd0, rvfi_valid};
      rvfi_valid <= w_valid;
      if (w_valid) begin
        rvfi_insn <= w_insn;
        rvfi_trap <= w_trap;
        rvfi_intr <= intr_next;
        rvfi_rs1_addr <= w_rs1_addr;
        rvfi_rs2_addr <= w_rs2_addr;
        rvfi_rs1_rdata <= w_rs1_val;
        rvfi_rs2_rdata <= w_rs2_val;
        rvfi_rd_addr <= w_wr ? w_rd : 5'd0;
        rvfi_rd_wdata <= (w_wr && w_rd != 5'd0) ? w_value : 32'd0;
        rvfi_pc_rdata <= w_pc;
        rvfi_pc_wdata <= w_next_pc;
        rvfi_mem_addr <= (w_is_load || w_is_store) ? w_result : 32'd0;
        rvfi_mem_rmask <= w_is_load ? w_size_mask : 4'd0;
        rvfi_mem_wmask <= w_is_store ? w_size_mask : 4'd0;
        rvfi_mem_rdata <= w_is_load ? w_load_raw : 32'd0;
        rvfi_mem_wdata <= w_is_store ? (w_store_data & w_mask32) : 32'd0;
      end
    end
  end
endmodule
