// RV32IM + Zicsr instruction encoder: builds 32-bit instruction words from fields.
// In: register numbers (0..31), immediates as signed byte offsets or raw values.
// Out: the instruction word. Fields are masked to their width, never checked: callers that
// need range checks (the assembler) do them first. Dependency-free (std only).
#pragma once

#include <cstdint>

namespace rtlarena::fuzz {

/// Major opcodes (bits 6:0) of RV32IM + Zicsr.
enum class Opcode : uint32_t {
  Load = 0x03,
  MiscMem = 0x0f,
  OpImm = 0x13,
  Auipc = 0x17,
  Store = 0x23,
  Op = 0x33,
  Lui = 0x37,
  Branch = 0x63,
  Jalr = 0x67,
  Jal = 0x6f,
  System = 0x73,
};

/// R-type: funct7 | rs2 | rs1 | funct3 | rd | opcode.
uint32_t encodeR(Opcode op, unsigned rd, unsigned funct3, unsigned rs1, unsigned rs2,
                 unsigned funct7);
/// I-type: imm[11:0] | rs1 | funct3 | rd | opcode. `imm` is taken modulo 2^12.
uint32_t encodeI(Opcode op, unsigned rd, unsigned funct3, unsigned rs1, int32_t imm);
/// S-type: imm[11:5] | rs2 | rs1 | funct3 | imm[4:0] | opcode.
uint32_t encodeS(Opcode op, unsigned funct3, unsigned rs1, unsigned rs2, int32_t imm);
/// B-type: byte offset (even, -4096..4094) scattered as imm[12|10:5] .. imm[4:1|11].
uint32_t encodeB(Opcode op, unsigned funct3, unsigned rs1, unsigned rs2, int32_t offset);
/// U-type: `imm20` is the upper 20 bits (the value placed in bits 31:12).
uint32_t encodeU(Opcode op, unsigned rd, uint32_t imm20);
/// J-type: byte offset (even, -1 MiB..1 MiB-2) scattered as imm[20|10:1|11|19:12].
uint32_t encodeJ(Opcode op, unsigned rd, int32_t offset);

/// Named helpers, one per instruction. `and`, `or`, `xor` and `not` are C++ keywords, so
/// those three carry a trailing underscore. Branch/jump offsets are relative to the
/// instruction's own pc, in bytes.
namespace rv {
// U/J
uint32_t lui(unsigned rd, uint32_t imm20);
uint32_t auipc(unsigned rd, uint32_t imm20);
uint32_t jal(unsigned rd, int32_t offset);
uint32_t jalr(unsigned rd, unsigned rs1, int32_t imm);
// branches
uint32_t beq(unsigned rs1, unsigned rs2, int32_t offset);
uint32_t bne(unsigned rs1, unsigned rs2, int32_t offset);
uint32_t blt(unsigned rs1, unsigned rs2, int32_t offset);
uint32_t bge(unsigned rs1, unsigned rs2, int32_t offset);
uint32_t bltu(unsigned rs1, unsigned rs2, int32_t offset);
uint32_t bgeu(unsigned rs1, unsigned rs2, int32_t offset);
// loads / stores: rd/rs2, imm(rs1)
uint32_t lb(unsigned rd, unsigned rs1, int32_t imm);
uint32_t lh(unsigned rd, unsigned rs1, int32_t imm);
uint32_t lw(unsigned rd, unsigned rs1, int32_t imm);
uint32_t lbu(unsigned rd, unsigned rs1, int32_t imm);
uint32_t lhu(unsigned rd, unsigned rs1, int32_t imm);
uint32_t sb(unsigned rs2, unsigned rs1, int32_t imm);
uint32_t sh(unsigned rs2, unsigned rs1, int32_t imm);
uint32_t sw(unsigned rs2, unsigned rs1, int32_t imm);
// register-immediate
uint32_t addi(unsigned rd, unsigned rs1, int32_t imm);
uint32_t slti(unsigned rd, unsigned rs1, int32_t imm);
uint32_t sltiu(unsigned rd, unsigned rs1, int32_t imm);
uint32_t xori(unsigned rd, unsigned rs1, int32_t imm);
uint32_t ori(unsigned rd, unsigned rs1, int32_t imm);
uint32_t andi(unsigned rd, unsigned rs1, int32_t imm);
uint32_t slli(unsigned rd, unsigned rs1, unsigned shamt);
uint32_t srli(unsigned rd, unsigned rs1, unsigned shamt);
uint32_t srai(unsigned rd, unsigned rs1, unsigned shamt);
// register-register
uint32_t add(unsigned rd, unsigned rs1, unsigned rs2);
uint32_t sub(unsigned rd, unsigned rs1, unsigned rs2);
uint32_t sll(unsigned rd, unsigned rs1, unsigned rs2);
uint32_t slt(unsigned rd, unsigned rs1, unsigned rs2);
uint32_t sltu(unsigned rd, unsigned rs1, unsigned rs2);
uint32_t xor_(unsigned rd, unsigned rs1, unsigned rs2);
uint32_t srl(unsigned rd, unsigned rs1, unsigned rs2);
uint32_t sra(unsigned rd, unsigned rs1, unsigned rs2);
uint32_t or_(unsigned rd, unsigned rs1, unsigned rs2);
uint32_t and_(unsigned rd, unsigned rs1, unsigned rs2);
// M extension
uint32_t mul(unsigned rd, unsigned rs1, unsigned rs2);
uint32_t mulh(unsigned rd, unsigned rs1, unsigned rs2);
uint32_t mulhsu(unsigned rd, unsigned rs1, unsigned rs2);
uint32_t mulhu(unsigned rd, unsigned rs1, unsigned rs2);
uint32_t div(unsigned rd, unsigned rs1, unsigned rs2);
uint32_t divu(unsigned rd, unsigned rs1, unsigned rs2);
uint32_t rem(unsigned rd, unsigned rs1, unsigned rs2);
uint32_t remu(unsigned rd, unsigned rs1, unsigned rs2);
// system
/// `pred`/`succ` are the 4-bit IORW sets (0xf = iorw).
uint32_t fence(unsigned pred = 0xf, unsigned succ = 0xf);
uint32_t ecall();
uint32_t ebreak();
uint32_t mret();
uint32_t wfi();
uint32_t csrrw(unsigned rd, unsigned csr, unsigned rs1);
uint32_t csrrs(unsigned rd, unsigned csr, unsigned rs1);
uint32_t csrrc(unsigned rd, unsigned csr, unsigned rs1);
uint32_t csrrwi(unsigned rd, unsigned csr, unsigned uimm);
uint32_t csrrsi(unsigned rd, unsigned csr, unsigned uimm);
uint32_t csrrci(unsigned rd, unsigned csr, unsigned uimm);
// common pseudo-instructions that are one word
inline uint32_t nop() { return addi(0, 0, 0); }
inline uint32_t mv(unsigned rd, unsigned rs) { return addi(rd, rs, 0); }
}  // namespace rv

}  // namespace rtlarena::fuzz
