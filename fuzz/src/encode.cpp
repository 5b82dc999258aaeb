// RV32IM + Zicsr instruction encoder: the bit layouts of the six base formats and one
// helper per instruction (funct3/funct7 values from the RISC-V unprivileged spec, ch. 34).
#include "rtlarena/fuzz/encode.h"

namespace rtlarena::fuzz {

namespace {
uint32_t bits(uint32_t value, unsigned hi, unsigned lo) {
  return (value >> lo) & ((1u << (hi - lo + 1)) - 1);
}
uint32_t reg(unsigned r) { return r & 31u; }
uint32_t op(Opcode o) { return static_cast<uint32_t>(o); }
}  // namespace

uint32_t encodeR(Opcode o, unsigned rd, unsigned funct3, unsigned rs1, unsigned rs2,
                 unsigned funct7) {
  return ((funct7 & 0x7fu) << 25) | (reg(rs2) << 20) | (reg(rs1) << 15) |
         ((funct3 & 7u) << 12) | (reg(rd) << 7) | op(o);
}

uint32_t encodeI(Opcode o, unsigned rd, unsigned funct3, unsigned rs1, int32_t imm) {
  const uint32_t u = static_cast<uint32_t>(imm);
  return (bits(u, 11, 0) << 20) | (reg(rs1) << 15) | ((funct3 & 7u) << 12) | (reg(rd) << 7) |
         op(o);
}

uint32_t encodeS(Opcode o, unsigned funct3, unsigned rs1, unsigned rs2, int32_t imm) {
  const uint32_t u = static_cast<uint32_t>(imm);
  return (bits(u, 11, 5) << 25) | (reg(rs2) << 20) | (reg(rs1) << 15) | ((funct3 & 7u) << 12) |
         (bits(u, 4, 0) << 7) | op(o);
}

uint32_t encodeB(Opcode o, unsigned funct3, unsigned rs1, unsigned rs2, int32_t offset) {
  const uint32_t u = static_cast<uint32_t>(offset);
  return (bits(u, 12, 12) << 31) | (bits(u, 10, 5) << 25) | (reg(rs2) << 20) |
         (reg(rs1) << 15) | ((funct3 & 7u) << 12) | (bits(u, 4, 1) << 8) |
         (bits(u, 11, 11) << 7) | op(o);
}

uint32_t encodeU(Opcode o, unsigned rd, uint32_t imm20) {
  return ((imm20 & 0xfffffu) << 12) | (reg(rd) << 7) | op(o);
}

uint32_t encodeJ(Opcode o, unsigned rd, int32_t offset) {
  const uint32_t u = static_cast<uint32_t>(offset);
  return (bits(u, 20, 20) << 31) | (bits(u, 10, 1) << 21) | (bits(u, 11, 11) << 20) |
         (bits(u, 19, 12) << 12) | (reg(rd) << 7) | op(o);
}

namespace rv {
namespace {
uint32_t opR(unsigned f3, unsigned f7, unsigned rd, unsigned rs1, unsigned rs2) {
  return encodeR(Opcode::Op, rd, f3, rs1, rs2, f7);
}
uint32_t opI(unsigned f3, unsigned rd, unsigned rs1, int32_t imm) {
  return encodeI(Opcode::OpImm, rd, f3, rs1, imm);
}
uint32_t shiftI(unsigned f3, unsigned f7, unsigned rd, unsigned rs1, unsigned shamt) {
  return encodeR(Opcode::OpImm, rd, f3, rs1, shamt & 31u, f7);
}
uint32_t csr(unsigned f3, unsigned rd, unsigned csrAddr, unsigned src) {
  return encodeI(Opcode::System, rd, f3, src, static_cast<int32_t>(csrAddr & 0xfffu));
}
}  // namespace

uint32_t lui(unsigned rd, uint32_t imm20) { return encodeU(Opcode::Lui, rd, imm20); }
uint32_t auipc(unsigned rd, uint32_t imm20) { return encodeU(Opcode::Auipc, rd, imm20); }
uint32_t jal(unsigned rd, int32_t offset) { return encodeJ(Opcode::Jal, rd, offset); }
uint32_t jalr(unsigned rd, unsigned rs1, int32_t imm) {
  return encodeI(Opcode::Jalr, rd, 0, rs1, imm);
}

uint32_t beq(unsigned a, unsigned b, int32_t off) { return encodeB(Opcode::Branch, 0, a, b, off); }
uint32_t bne(unsigned a, unsigned b, int32_t off) { return encodeB(Opcode::Branch, 1, a, b, off); }
uint32_t blt(unsigned a, unsigned b, int32_t off) { return encodeB(Opcode::Branch, 4, a, b, off); }
uint32_t bge(unsigned a, unsigned b, int32_t off) { return encodeB(Opcode::Branch, 5, a, b, off); }
uint32_t bltu(unsigned a, unsigned b, int32_t off) { return encodeB(Opcode::Branch, 6, a, b, off); }
uint32_t bgeu(unsigned a, unsigned b, int32_t off) { return encodeB(Opcode::Branch, 7, a, b, off); }

uint32_t lb(unsigned rd, unsigned rs1, int32_t imm) { return encodeI(Opcode::Load, rd, 0, rs1, imm); }
uint32_t lh(unsigned rd, unsigned rs1, int32_t imm) { return encodeI(Opcode::Load, rd, 1, rs1, imm); }
uint32_t lw(unsigned rd, unsigned rs1, int32_t imm) { return encodeI(Opcode::Load, rd, 2, rs1, imm); }
uint32_t lbu(unsigned rd, unsigned rs1, int32_t imm) { return encodeI(Opcode::Load, rd, 4, rs1, imm); }
uint32_t lhu(unsigned rd, unsigned rs1, int32_t imm) { return encodeI(Opcode::Load, rd, 5, rs1, imm); }
uint32_t sb(unsigned rs2, unsigned rs1, int32_t imm) { return encodeS(Opcode::Store, 0, rs1, rs2, imm); }
uint32_t sh(unsigned rs2, unsigned rs1, int32_t imm) { return encodeS(Opcode::Store, 1, rs1, rs2, imm); }
uint32_t sw(unsigned rs2, unsigned rs1, int32_t imm) { return encodeS(Opcode::Store, 2, rs1, rs2, imm); }

uint32_t addi(unsigned rd, unsigned rs1, int32_t imm) { return opI(0, rd, rs1, imm); }
uint32_t slti(unsigned rd, unsigned rs1, int32_t imm) { return opI(2, rd, rs1, imm); }
uint32_t sltiu(unsigned rd, unsigned rs1, int32_t imm) { return opI(3, rd, rs1, imm); }
uint32_t xori(unsigned rd, unsigned rs1, int32_t imm) { return opI(4, rd, rs1, imm); }
uint32_t ori(unsigned rd, unsigned rs1, int32_t imm) { return opI(6, rd, rs1, imm); }
uint32_t andi(unsigned rd, unsigned rs1, int32_t imm) { return opI(7, rd, rs1, imm); }
uint32_t slli(unsigned rd, unsigned rs1, unsigned sh) { return shiftI(1, 0x00, rd, rs1, sh); }
uint32_t srli(unsigned rd, unsigned rs1, unsigned sh) { return shiftI(5, 0x00, rd, rs1, sh); }
uint32_t srai(unsigned rd, unsigned rs1, unsigned sh) { return shiftI(5, 0x20, rd, rs1, sh); }

uint32_t add(unsigned rd, unsigned a, unsigned b) { return opR(0, 0x00, rd, a, b); }
uint32_t sub(unsigned rd, unsigned a, unsigned b) { return opR(0, 0x20, rd, a, b); }
uint32_t sll(unsigned rd, unsigned a, unsigned b) { return opR(1, 0x00, rd, a, b); }
uint32_t slt(unsigned rd, unsigned a, unsigned b) { return opR(2, 0x00, rd, a, b); }
uint32_t sltu(unsigned rd, unsigned a, unsigned b) { return opR(3, 0x00, rd, a, b); }
uint32_t xor_(unsigned rd, unsigned a, unsigned b) { return opR(4, 0x00, rd, a, b); }
uint32_t srl(unsigned rd, unsigned a, unsigned b) { return opR(5, 0x00, rd, a, b); }
uint32_t sra(unsigned rd, unsigned a, unsigned b) { return opR(5, 0x20, rd, a, b); }
uint32_t or_(unsigned rd, unsigned a, unsigned b) { return opR(6, 0x00, rd, a, b); }
uint32_t and_(unsigned rd, unsigned a, unsigned b) { return opR(7, 0x00, rd, a, b); }

uint32_t mul(unsigned rd, unsigned a, unsigned b) { return opR(0, 0x01, rd, a, b); }
uint32_t mulh(unsigned rd, unsigned a, unsigned b) { return opR(1, 0x01, rd, a, b); }
uint32_t mulhsu(unsigned rd, unsigned a, unsigned b) { return opR(2, 0x01, rd, a, b); }
uint32_t mulhu(unsigned rd, unsigned a, unsigned b) { return opR(3, 0x01, rd, a, b); }
uint32_t div(unsigned rd, unsigned a, unsigned b) { return opR(4, 0x01, rd, a, b); }
uint32_t divu(unsigned rd, unsigned a, unsigned b) { return opR(5, 0x01, rd, a, b); }
uint32_t rem(unsigned rd, unsigned a, unsigned b) { return opR(6, 0x01, rd, a, b); }
uint32_t remu(unsigned rd, unsigned a, unsigned b) { return opR(7, 0x01, rd, a, b); }

uint32_t fence(unsigned pred, unsigned succ) {
  return encodeI(Opcode::MiscMem, 0, 0, 0,
                 static_cast<int32_t>(((pred & 0xfu) << 4) | (succ & 0xfu)));
}
uint32_t ecall() { return 0x00000073u; }
uint32_t ebreak() { return 0x00100073u; }
uint32_t mret() { return 0x30200073u; }
uint32_t wfi() { return 0x10500073u; }
uint32_t csrrw(unsigned rd, unsigned c, unsigned rs1) { return csr(1, rd, c, rs1); }
uint32_t csrrs(unsigned rd, unsigned c, unsigned rs1) { return csr(2, rd, c, rs1); }
uint32_t csrrc(unsigned rd, unsigned c, unsigned rs1) { return csr(3, rd, c, rs1); }
uint32_t csrrwi(unsigned rd, unsigned c, unsigned u) { return csr(5, rd, c, u); }
uint32_t csrrsi(unsigned rd, unsigned c, unsigned u) { return csr(6, rd, c, u); }
uint32_t csrrci(unsigned rd, unsigned c, unsigned u) { return csr(7, rd, c, u); }
}  // namespace rv

}  // namespace rtlarena::fuzz
