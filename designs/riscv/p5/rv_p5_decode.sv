// rv_p5_decode: combinational RV32IM + Zicsr decoder for the 5-stage core.
// In: one instruction word. Out: its class (one-hot-ish kind flags), which source registers
// it reads, whether it writes rd, its immediate, and `legal`. Instantiated in ID (hazards,
// legality, traps) and again in EX (execution control), so no control word is carried.
// Illegal words read no registers and write none; CSR legality (implemented address, no
// write to a read-only CSR) is decided here so the trap is known in ID.
module rv_p5_decode (
    input      [31:0] insn,
    output            legal,
    output            uses_rs1,
    output            uses_rs2,
    output            writes_rd,
    output            is_lui,
    output            is_auipc,
    output            is_jal,
    output            is_jalr,
    output            is_branch,
    output            is_load,
    output            is_store,
    output            is_alu,     // OP or OP-IMM without M
    output            is_alu_imm, // second ALU operand is the immediate
    output            is_mul,
    output            is_div,
    output            is_csr,
    output            is_ecall,
    output            is_ebreak,
    output            is_mret,
    output reg [31:0] imm
);
  wire [6:0] opcode = insn[6:0];
  wire [2:0] funct3 = insn[14:12];
  wire [6:0] funct7 = insn[31:25];
  wire [11:0] csr_addr = insn[31:20];
  wire [4:0] rs1 = insn[19:15];

  assign is_lui = opcode == 7'h37;
  assign is_auipc = opcode == 7'h17;
  assign is_jal = opcode == 7'h6f;
  assign is_jalr = opcode == 7'h67 && funct3 == 3'd0;
  assign is_branch = opcode == 7'h63 && funct3 != 3'd2 && funct3 != 3'd3;
  assign is_load = opcode == 7'h03 && funct3 != 3'd3 && funct3 != 3'd6 && funct3 != 3'd7;
  assign is_store = opcode == 7'h23 && (funct3 == 3'd0 || funct3 == 3'd1 || funct3 == 3'd2);

  wire shift_imm = funct3 == 3'd1 || funct3 == 3'd5;
  wire opimm_ok = opcode == 7'h13 &&
                  (!shift_imm || funct7 == 7'h00 || (funct3 == 3'd5 && funct7 == 7'h20));
  wire op_base = opcode == 7'h33 &&
                 (funct7 == 7'h00 || (funct7 == 7'h20 && (funct3 == 3'd0 || funct3 == 3'd5)));
  wire op_m = opcode == 7'h33 && funct7 == 7'h01;
  assign is_alu = opimm_ok || op_base;
  assign is_alu_imm = opimm_ok;
  assign is_mul = op_m && !funct3[2];
  assign is_div = op_m && funct3[2];

  wire is_fence = opcode == 7'h0f && funct3 == 3'd0;
  assign is_ecall = insn == 32'h0000_0073;
  assign is_ebreak = insn == 32'h0010_0073;
  assign is_mret = insn == 32'h3020_0073;
  wire is_wfi = insn == 32'h1050_0073;  // no interrupts, so WFI is a NOP

  wire csr_form = opcode == 7'h73 && funct3 != 3'd0 && funct3 != 3'd4;
  wire csr_known = csr_addr == 12'h300 || csr_addr == 12'h301 || csr_addr == 12'h304 ||
                   csr_addr == 12'h305 || csr_addr == 12'h340 || csr_addr == 12'h341 ||
                   csr_addr == 12'h342 || csr_addr == 12'h343 || csr_addr == 12'h344 ||
                   csr_addr == 12'hb00 || csr_addr == 12'hb02 || csr_addr == 12'hb80 ||
                   csr_addr == 12'hb82 || csr_addr == 12'hf11 || csr_addr == 12'hf12 ||
                   csr_addr == 12'hf13 || csr_addr == 12'hf14;
  wire csr_writes = funct3[1:0] == 2'b01 || rs1 != 5'd0;
`ifdef RTLARENA_BUG_P5_CSR_UNIMPL_NOTRAP
  // bug: only the read-only check is made; unknown addresses read as 0
  wire csr_ok = !(csr_addr[11:10] == 2'b11 && csr_writes);
`else
  wire csr_ok = csr_known && !(csr_addr[11:10] == 2'b11 && csr_writes);
`endif
  assign is_csr = csr_form && csr_ok;

  assign legal = is_lui || is_auipc || is_jal || is_jalr || is_branch || is_load || is_store ||
                 is_alu || op_m || is_fence || is_ecall || is_ebreak || is_mret || is_wfi ||
                 is_csr;
  assign uses_rs1 = is_jalr || is_branch || is_load || is_store || is_alu || op_m ||
                    (is_csr && !funct3[2]);
  assign uses_rs2 = is_branch || is_store || op_base || op_m;
  assign writes_rd = is_lui || is_auipc || is_jal || is_jalr || is_load || is_alu || op_m ||
                     is_csr;

  always @* begin
    if (is_store) imm = {{20{insn[31]}}, insn[31:25], insn[11:7]};
    else if (is_branch) imm = {{19{insn[31]}}, insn[31], insn[7], insn[30:25], insn[11:8], 1'b0};
    else if (is_lui || is_auipc) imm = {insn[31:12], 12'b0};
    else if (is_jal) imm = {{11{insn[31]}}, insn[31], insn[19:12], insn[20], insn[30:21], 1'b0};
    else imm = {{20{insn[31]}}, insn[31:20]};
  end
endmodule
