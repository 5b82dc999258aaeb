// rv_mc_core: a multi-cycle RV32IM + Zicsr (machine mode only) core for rtlarena.
// In: clock, synchronous active-high reset, an instruction port (address out, word back one
// cycle later) and a data port (enable, byte strobes; read data one cycle later).
// Out: the riscv-formal RVFI retirement port (NRET=1), registered.
// Each instruction takes FETCH (address out) then EXEC (decode, execute, write back), plus
// LOAD for loads: 2 or 3 cycles. Multiply and divide are combinational here; the pipelined
// core (designs/riscv/p5) has the iterative divider. Traps are taken in EXEC, so every
// instruction either completes or traps with no side effect. Injectable bugs are guarded
// by `ifdef RTLARENA_BUG_MC_*` (see docs/BUG_CATALOGUE.md).
module rv_mc_core (
    input             clk,
    input             rst,
    // instruction port: imem_rdata = mem[imem_addr] as sampled at the previous edge
    output     [31:0] imem_addr,
    input      [31:0] imem_rdata,
    // data port: reads return next cycle; writes use the byte strobes
    output            dmem_en,
    output     [ 3:0] dmem_wstrb,
    output     [31:0] dmem_addr,
    output     [31:0] dmem_wdata,
    input      [31:0] dmem_rdata,
    // RVFI
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
  localparam [1:0] S_FETCH = 2'd0, S_EXEC = 2'd1, S_LOAD = 2'd2;
  localparam [31:0] MISA = 32'h4000_1100;  // MXL=1 (32-bit), I, M

  assign rvfi_halt = 1'b0;
  assign rvfi_mode = 2'd3;
  assign rvfi_ixl = 2'd1;

  // ---- architectural state ---------------------------------------------------------------
  reg [1:0] state;
  reg [31:0] pc;
  reg [31:0] ir;  // instruction word kept for the LOAD cycle
  reg [31:0] rf[0:31];
  reg mstatus_mie, mstatus_mpie;
  reg [31:0] mtvec, mscratch, mepc, mcause, mtval;
  reg [63:0] mcycle, minstret;
  reg intr_next;  // the next retirement is the first instruction of a trap handler
  reg [31:0] load_addr;

  assign imem_addr = pc;

  // ---- decode ----------------------------------------------------------------------------
  wire [31:0] insn = (state == S_EXEC) ? imem_rdata : ir;
  wire [6:0] opcode = insn[6:0];
  wire [4:0] rd = insn[11:7];
  wire [2:0] funct3 = insn[14:12];
  wire [4:0] rs1 = insn[19:15];
  wire [4:0] rs2 = insn[24:20];
  wire [6:0] funct7 = insn[31:25];
  wire [11:0] csr_addr = insn[31:20];

  wire [31:0] imm_i = {{20{insn[31]}}, insn[31:20]};
  wire [31:0] imm_s = {{20{insn[31]}}, insn[31:25], insn[11:7]};
  wire [31:0] imm_b = {{19{insn[31]}}, insn[31], insn[7], insn[30:25], insn[11:8], 1'b0};
  wire [31:0] imm_u = {insn[31:12], 12'b0};
  wire [31:0] imm_j = {{11{insn[31]}}, insn[31], insn[19:12], insn[20], insn[30:21], 1'b0};

  wire is_lui = opcode == 7'h37;
  wire is_auipc = opcode == 7'h17;
  wire is_jal = opcode == 7'h6f;
  wire is_jalr = opcode == 7'h67 && funct3 == 3'd0;
  wire is_branch = opcode == 7'h63 && funct3 != 3'd2 && funct3 != 3'd3;
  wire is_load = opcode == 7'h03 && (funct3 == 3'd0 || funct3 == 3'd1 || funct3 == 3'd2 ||
                                     funct3 == 3'd4 || funct3 == 3'd5);
  wire is_store = opcode == 7'h23 && (funct3 == 3'd0 || funct3 == 3'd1 || funct3 == 3'd2);
  wire is_shift_imm = funct3 == 3'd1 || funct3 == 3'd5;
  wire is_opimm = opcode == 7'h13 && (!is_shift_imm || funct7 == 7'h00 ||
                                      (funct3 == 3'd5 && funct7 == 7'h20));
  wire is_op = opcode == 7'h33 && (funct7 == 7'h00 || funct7 == 7'h01 ||
                                   (funct7 == 7'h20 && (funct3 == 3'd0 || funct3 == 3'd5)));
  wire is_fence = opcode == 7'h0f && funct3 == 3'd0;
  wire is_ecall = insn == 32'h0000_0073;
  wire is_ebreak = insn == 32'h0010_0073;
  wire is_mret = insn == 32'h3020_0073;
  wire is_wfi = insn == 32'h1050_0073;
  wire is_csr = opcode == 7'h73 && funct3 != 3'd0 && funct3 != 3'd4;

  wire uses_rs1 = is_jalr || is_branch || is_load || is_store || is_opimm || is_op ||
                  (is_csr && !csr_illegal && !funct3[2]);
  wire uses_rs2 = is_branch || is_store || is_op;

`ifdef RTLARENA_BUG_MC_X0_WRITE
  wire [31:0] rs1_val = rf[rs1];  // bug: relies on rf[0] staying 0
  wire [31:0] rs2_val = rf[rs2];
`else
  wire [31:0] rs1_val = rs1 == 5'd0 ? 32'd0 : rf[rs1];
  wire [31:0] rs2_val = rs2 == 5'd0 ? 32'd0 : rf[rs2];
`endif

  // ---- ALU and M extension ---------------------------------------------------------------
  wire [31:0] alu_b = is_op ? rs2_val : imm_i;
  wire [4:0] shamt = alu_b[4:0];
  wire sub_op = is_op && funct7 == 7'h20;
`ifdef RTLARENA_BUG_MC_SLT_UNSIGNED
  wire lt_signed = rs1_val < alu_b;  // bug: SLT/SLTI compare unsigned
`else
  wire lt_signed = $signed(rs1_val) < $signed(alu_b);
`endif
  wire lt_unsigned = rs1_val < alu_b;

  // separate wire: inside ?: the unsigned operand would turn >>> into a logical shift
  wire [31:0] sra_out = $signed(rs1_val) >>> shamt;
  reg [31:0] alu_out;
  always @* begin
    case (funct3)
      3'd0: alu_out = sub_op ? rs1_val - alu_b : rs1_val + alu_b;
      3'd1: alu_out = rs1_val << shamt;
      3'd2: alu_out = {31'd0, lt_signed};
      3'd3: alu_out = {31'd0, lt_unsigned};
      3'd4: alu_out = rs1_val ^ alu_b;
      3'd5: alu_out = funct7[5] ? sra_out : rs1_val >> shamt;
      3'd6: alu_out = rs1_val | alu_b;
      default: alu_out = rs1_val & alu_b;
    endcase
  end

  wire [63:0] a_sext = {{32{rs1_val[31]}}, rs1_val};
  wire [63:0] a_zext = {32'd0, rs1_val};
  wire [63:0] b_sext = {{32{rs2_val[31]}}, rs2_val};
  wire [63:0] b_zext = {32'd0, rs2_val};
  /* verilator lint_off UNUSEDSIGNAL */  // only the high halves of the signed products
  wire [63:0] prod_ss = a_sext * b_sext;
  wire [63:0] prod_su = a_sext * b_zext;
  /* verilator lint_on UNUSEDSIGNAL */
  wire [63:0] prod_uu = a_zext * b_zext;
  wire div_zero = rs2_val == 32'd0;
  wire div_ovf = rs1_val == 32'h8000_0000 && rs2_val == 32'hffff_ffff;

  // signed quotient/remainder as their own wires, for the same ?: signedness reason as sra
  wire [31:0] quot_s = $signed(rs1_val) / $signed(rs2_val);
  wire [31:0] rem_s = $signed(rs1_val) % $signed(rs2_val);
  reg [31:0] mext_out;
  always @* begin
    case (funct3)
      3'd0: mext_out = prod_uu[31:0];
      3'd1: mext_out = prod_ss[63:32];
      3'd2: mext_out = prod_su[63:32];
      3'd3: mext_out = prod_uu[63:32];
      3'd4: mext_out = div_zero ? 32'hffff_ffff :
                       div_ovf ? 32'h8000_0000 : quot_s;
      3'd5: mext_out = div_zero ? 32'hffff_ffff : rs1_val / rs2_val;
      3'd6: mext_out = div_zero ? rs1_val : div_ovf ? 32'd0 : rem_s;
      default: mext_out = div_zero ? rs1_val : rs1_val % rs2_val;
    endcase
  end

  // ---- control flow ----------------------------------------------------------------------
  reg br_taken;
  always @* begin
    case (funct3)
      3'd0: br_taken = rs1_val == rs2_val;
      3'd1: br_taken = rs1_val != rs2_val;
      3'd4: br_taken = $signed(rs1_val) < $signed(rs2_val);
      3'd5: br_taken = $signed(rs1_val) >= $signed(rs2_val);
      3'd6: br_taken = rs1_val < rs2_val;
      default: br_taken = rs1_val >= rs2_val;
    endcase
  end

  wire [31:0] pc_plus4 = pc + 32'd4;
  /* verilator lint_off UNUSEDSIGNAL */  // bit 0 is cleared by JALR
  wire [31:0] jalr_sum = rs1_val + imm_i;
  /* verilator lint_on UNUSEDSIGNAL */
`ifdef RTLARENA_BUG_MC_JALR_LSB
  wire [31:0] jalr_target = jalr_sum;  // bug: bit 0 not cleared, odd targets trap
`else
  wire [31:0] jalr_target = {jalr_sum[31:1], 1'b0};
`endif
  wire jumps = is_jal || is_jalr || (is_branch && br_taken);
  wire [31:0] jump_target = is_jalr ? jalr_target : pc + (is_jal ? imm_j : imm_b);
  wire jump_misaligned = jumps && jump_target[1:0] != 2'b00;

  // ---- memory ----------------------------------------------------------------------------
  wire [31:0] mem_addr = rs1_val + (is_store ? imm_s : imm_i);
  wire [1:0] size = funct3[1:0];  // 0 byte, 1 half, 2 word
  wire mem_misaligned = (size == 2'd1 && mem_addr[0]) || (size == 2'd2 && mem_addr[1:0] != 2'b00);
  wire [3:0] size_mask = size == 2'd0 ? 4'b0001 : size == 2'd1 ? 4'b0011 : 4'b1111;
  wire [31:0] store_data = size == 2'd0 ? {4{rs2_val[7:0]}} :
                           size == 2'd1 ? {2{rs2_val[15:0]}} : rs2_val;
  wire [31:0] mask32 = {{8{size_mask[3]}}, {8{size_mask[2]}}, {8{size_mask[1]}}, {8{size_mask[0]}}};

  // load result: raw bytes moved down (for RVFI) then extended per funct3
  wire [31:0] load_raw = (dmem_rdata >> {load_addr[1:0], 3'b000}) & mask32;
  reg [31:0] load_val;
  always @* begin
    case (funct3)
      3'd0: load_val = {{24{load_raw[7]}}, load_raw[7:0]};
`ifdef RTLARENA_BUG_MC_LH_ZEXT
      3'd1: load_val = {16'd0, load_raw[15:0]};  // bug: LH zero-extends
`else
      3'd1: load_val = {{16{load_raw[15]}}, load_raw[15:0]};
`endif
      default: load_val = load_raw;  // lw, lbu, lhu: already zero-extended by the mask
    endcase
  end

  // ---- CSRs ------------------------------------------------------------------------------
  wire csr_known = csr_addr == 12'h300 || csr_addr == 12'h301 || csr_addr == 12'h304 ||
                   csr_addr == 12'h305 || csr_addr == 12'h340 || csr_addr == 12'h341 ||
                   csr_addr == 12'h342 || csr_addr == 12'h343 || csr_addr == 12'h344 ||
                   csr_addr == 12'hb00 || csr_addr == 12'hb02 || csr_addr == 12'hb80 ||
                   csr_addr == 12'hb82 || csr_addr == 12'hf11 || csr_addr == 12'hf12 ||
                   csr_addr == 12'hf13 || csr_addr == 12'hf14;
  // csrrw always writes; csrrs/csrrc write only when rs1 (or the immediate) is nonzero
  wire csr_writes = funct3[1:0] == 2'b01 || rs1 != 5'd0;
  wire csr_illegal = is_csr && (!csr_known || (csr_addr[11:10] == 2'b11 && csr_writes));

  reg [31:0] csr_old;
  always @* begin
    case (csr_addr)
      12'h300: csr_old = {19'd0, 2'b11, 3'd0, mstatus_mpie, 3'd0, mstatus_mie, 3'd0};
      12'h301: csr_old = MISA;
      12'h305: csr_old = mtvec;
      12'h340: csr_old = mscratch;
      12'h341: csr_old = mepc;
      12'h342: csr_old = mcause;
      12'h343: csr_old = mtval;
      12'hb00: csr_old = mcycle[31:0];
      12'hb02: csr_old = minstret[31:0];
      12'hb80: csr_old = mcycle[63:32];
      12'hb82: csr_old = minstret[63:32];
      default: csr_old = 32'd0;  // mie, mip, mhartid, mvendorid, marchid, mimpid
    endcase
  end
  wire [31:0] csr_src = funct3[2] ? {27'd0, rs1} : rs1_val;
  reg [31:0] csr_new;
  always @* begin
    case (funct3[1:0])
      2'b01: csr_new = csr_src;
      2'b10: csr_new = csr_old | csr_src;
      default: csr_new = csr_old & ~csr_src;
    endcase
  end

  // ---- trap decision ---------------------------------------------------------------------
  wire legal = is_lui || is_auipc || is_jal || is_jalr || is_branch || is_load || is_store ||
               is_opimm || is_op || is_fence || is_ecall || is_ebreak || is_mret || is_wfi ||
               (is_csr && !csr_illegal);
  reg trap;
  reg [31:0] trap_cause, trap_tval;
  always @* begin
    trap = 1'b1;
    trap_cause = 32'd2;
    trap_tval = insn;
    if (!legal) begin
      trap_cause = 32'd2;
    end else if (is_ecall) begin
      trap_cause = 32'd11;
      trap_tval = 32'd0;
    end else if (is_ebreak) begin
      trap_cause = 32'd3;
      trap_tval = pc;
    end else if (jump_misaligned) begin
      trap_cause = 32'd0;
      trap_tval = jump_target;
    end else if ((is_load || is_store) && mem_misaligned) begin
      trap_cause = is_load ? 32'd4 : 32'd6;
      trap_tval = mem_addr;
    end else begin
      trap = 1'b0;
    end
  end

  // The data port is driven straight from EXEC so that load data is back in LOAD.
  wire mem_go = state == S_EXEC && (is_load || is_store) && !trap;
  assign dmem_en = mem_go;
  assign dmem_addr = mem_addr;
  assign dmem_wstrb = mem_go && is_store ? size_mask << mem_addr[1:0] : 4'd0;
  assign dmem_wdata = store_data;

  // ---- result and next pc ----------------------------------------------------------------
  reg [31:0] rd_val;
  always @* begin
    if (is_lui) rd_val = imm_u;
    else if (is_auipc) rd_val = pc + imm_u;
    else if (is_jal || is_jalr) rd_val = pc_plus4;
    else if (is_op && funct7 == 7'h01) rd_val = mext_out;
    else if (is_csr) rd_val = csr_old;
    else rd_val = alu_out;
  end
  wire writes_rd = legal && !trap && (is_lui || is_auipc || is_jal || is_jalr || is_opimm ||
                                      is_op || is_csr);
  wire [31:0] trap_vector = {mtvec[31:2], 2'b00};
  wire [31:0] next_pc = trap ? trap_vector : is_mret ? mepc : jumps ? jump_target : pc_plus4;

  // ---- RVFI bookkeeping ------------------------------------------------------------------
  task automatic retire(input [31:0] word, input trapped, input [4:0] rd_a, input [31:0] rd_d,
                        input [31:0] pc_next);
    begin
      rvfi_valid <= 1'b1;
      rvfi_insn <= word;
      rvfi_trap <= trapped;
      rvfi_intr <= intr_next;
      intr_next <= trapped;
      rvfi_rd_addr <= rd_a;
      rvfi_rd_wdata <= rd_a == 5'd0 ? 32'd0 : rd_d;
      rvfi_pc_rdata <= pc;
      rvfi_pc_wdata <= pc_next;
    end
  endtask

  // ---- sequencing ------------------------------------------------------------------------
  integer i;
  always @(posedge clk) begin
    if (rst) begin
      state <= S_FETCH;
      pc <= 32'd0;
      ir <= 32'd0;
      for (i = 0; i < 32; i = i + 1) rf[i] <= 32'd0;
      mstatus_mie <= 1'b0;
      mstatus_mpie <= 1'b0;
      mtvec <= 32'h0000_0100;
      mscratch <= 32'd0;
      mepc <= 32'd0;
      mcause <= 32'd0;
      mtval <= 32'd0;
      mcycle <= 64'd0;
      minstret <= 64'd0;
      intr_next <= 1'b0;
      load_addr <= 32'd0;
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
      mcycle <= mcycle + 64'd1;
      rvfi_order <= rvfi_order + {63'd0, rvfi_valid};
      rvfi_valid <= 1'b0;
      case (state)
        S_FETCH: state <= S_EXEC;
        S_EXEC: begin
          ir <= imem_rdata;
          rvfi_rs1_addr <= uses_rs1 ? rs1 : 5'd0;
          rvfi_rs2_addr <= uses_rs2 ? rs2 : 5'd0;
          rvfi_rs1_rdata <= uses_rs1 ? rs1_val : 32'd0;
          rvfi_rs2_rdata <= uses_rs2 ? rs2_val : 32'd0;
          rvfi_mem_addr <= 32'd0;
          rvfi_mem_rmask <= 4'd0;
          rvfi_mem_wmask <= 4'd0;
          rvfi_mem_rdata <= 32'd0;
          rvfi_mem_wdata <= 32'd0;
          if (trap) begin
            mepc <= pc;
            mcause <= trap_cause;
            mtval <= trap_tval;
            mstatus_mpie <= mstatus_mie;
            mstatus_mie <= 1'b0;
            pc <= trap_vector;
            retire(insn, 1'b1, 5'd0, 32'd0, trap_vector);
            state <= S_FETCH;
          end else if (is_load) begin
            load_addr <= mem_addr;
            state <= S_LOAD;
          end else begin
            if (is_store) begin
              rvfi_mem_addr <= mem_addr;
              rvfi_mem_wmask <= size_mask;
              rvfi_mem_wdata <= rs2_val & mask32;
            end
            if (writes_rd && rd != 5'd0) rf[rd] <= rd_val;
            if (is_mret) begin
              mstatus_mie <= mstatus_mpie;
              mstatus_mpie <= 1'b1;
            end
            minstret <= minstret + 64'd1;
            if (is_csr && csr_writes) begin
              case (csr_addr)
                12'h300: begin
                  mstatus_mie <= csr_new[3];
                  mstatus_mpie <= csr_new[7];
                end
                12'h305: mtvec <= {csr_new[31:2], 2'b00};
                12'h340: mscratch <= csr_new;
                12'h341: mepc <= {csr_new[31:2], 2'b00};
                12'h342: mcause <= csr_new;
                12'h343: mtval <= csr_new;
                12'hb00: mcycle[31:0] <= csr_new;
                12'hb80: mcycle[63:32] <= csr_new;
                12'hb02: minstret <= {minstret[63:32], csr_new};
                12'hb82: minstret <= {csr_new, minstret[31:0]};
                default: ;
              endcase
            end
            pc <= next_pc;
            retire(insn, 1'b0, writes_rd ? rd : 5'd0, rd_val, next_pc);
            state <= S_FETCH;
          end
        end
        default: begin  // S_LOAD: data arrived
`ifdef RTLARENA_BUG_MC_X0_WRITE
          rf[rd] <= load_val;  // bug: the load write-back path lacks the x0 guard
`else
          if (rd != 5'd0) rf[rd] <= load_val;
`endif
          minstret <= minstret + 64'd1;
          rvfi_mem_addr <= load_addr;
          rvfi_mem_rmask <= size_mask;
          rvfi_mem_rdata <= load_raw;
          pc <= pc_plus4;
          retire(ir, 1'b0, rd, load_val, pc_plus4);
          state <= S_FETCH;
        end
      endcase
    end
  end
endmodule
