// RV32IM + Zicsr decoding by the tables of the unprivileged spec (chapter 34), reserved
// encodings kept illegal; and an objdump-like disassembler for reports.
#include "rtlarena/fuzz/decode.h"

#include <array>
#include <cstdio>

namespace rtlarena::fuzz {

namespace {

int32_t immI(uint32_t w) { return static_cast<int32_t>(w) >> 20; }
int32_t immS(uint32_t w) {
  return (static_cast<int32_t>(w) >> 25 << 5) | static_cast<int32_t>((w >> 7) & 0x1f);
}
int32_t immB(uint32_t w) {
  uint32_t v = ((w >> 31) << 12) | (((w >> 7) & 1) << 11) | (((w >> 25) & 0x3f) << 5) |
               (((w >> 8) & 0xf) << 1);
  return static_cast<int32_t>(v << 19) >> 19;
}
int32_t immJ(uint32_t w) {
  uint32_t v = ((w >> 31) << 20) | (((w >> 12) & 0xff) << 12) | (((w >> 20) & 1) << 11) |
               (((w >> 21) & 0x3ff) << 1);
  return static_cast<int32_t>(v << 11) >> 11;
}

Op decodeOp(uint32_t w) {
  const uint32_t opcode = w & 0x7f, f3 = (w >> 12) & 7, f7 = w >> 25;
  switch (opcode) {
    case 0x37: return Op::Lui;
    case 0x17: return Op::Auipc;
    case 0x6f: return Op::Jal;
    case 0x67: return f3 == 0 ? Op::Jalr : Op::Illegal;
    case 0x63: {
      static constexpr Op kBranch[8] = {Op::Beq, Op::Bne, Op::Illegal, Op::Illegal,
                                        Op::Blt, Op::Bge, Op::Bltu, Op::Bgeu};
      return kBranch[f3];
    }
    case 0x03: {
      static constexpr Op kLoad[8] = {Op::Lb, Op::Lh, Op::Lw, Op::Illegal,
                                      Op::Lbu, Op::Lhu, Op::Illegal, Op::Illegal};
      return kLoad[f3];
    }
    case 0x23: return f3 == 0 ? Op::Sb : f3 == 1 ? Op::Sh : f3 == 2 ? Op::Sw : Op::Illegal;
    case 0x13:
      switch (f3) {
        case 0: return Op::Addi;
        case 1: return f7 == 0 ? Op::Slli : Op::Illegal;
        case 2: return Op::Slti;
        case 3: return Op::Sltiu;
        case 4: return Op::Xori;
        case 5: return f7 == 0 ? Op::Srli : f7 == 0x20 ? Op::Srai : Op::Illegal;
        case 6: return Op::Ori;
        default: return Op::Andi;
      }
    case 0x33: {
      static constexpr Op kBase[8] = {Op::Add, Op::Sll, Op::Slt, Op::Sltu,
                                      Op::Xor, Op::Srl, Op::Or, Op::And};
      static constexpr Op kMul[8] = {Op::Mul, Op::Mulh, Op::Mulhsu, Op::Mulhu,
                                     Op::Div, Op::Divu, Op::Rem, Op::Remu};
      if (f7 == 0) return kBase[f3];
      if (f7 == 1) return kMul[f3];
      if (f7 == 0x20) return f3 == 0 ? Op::Sub : f3 == 5 ? Op::Sra : Op::Illegal;
      return Op::Illegal;
    }
    case 0x0f: return f3 == 0 ? Op::Fence : f3 == 1 ? Op::FenceI : Op::Illegal;
    case 0x73:
      switch (f3) {
        case 0:
          if (w == 0x00000073) return Op::Ecall;
          if (w == 0x00100073) return Op::Ebreak;
          if (w == 0x30200073) return Op::Mret;
          if (w == 0x10500073) return Op::Wfi;
          return Op::Illegal;
        case 1: return Op::Csrrw;
        case 2: return Op::Csrrs;
        case 3: return Op::Csrrc;
        case 5: return Op::Csrrwi;
        case 6: return Op::Csrrsi;
        case 7: return Op::Csrrci;
        default: return Op::Illegal;
      }
    default: return Op::Illegal;
  }
}

constexpr std::array<std::string_view, static_cast<size_t>(Op::Count_)> kNames = {
    "illegal", "lui",   "auipc", "jal",   "jalr",  "beq",    "bne",    "blt",   "bge",
    "bltu",    "bgeu",  "lb",    "lh",    "lw",    "lbu",    "lhu",    "sb",    "sh",
    "sw",      "addi",  "slti",  "sltiu", "xori",  "ori",    "andi",   "slli",  "srli",
    "srai",    "add",   "sub",   "sll",   "slt",   "sltu",   "xor",    "srl",   "sra",
    "or",      "and",   "mul",   "mulh",  "mulhsu", "mulhu", "div",    "divu",  "rem",
    "remu",    "fence", "fence.i", "ecall", "ebreak", "mret", "wfi",   "csrrw", "csrrs",
    "csrrc",   "csrrwi", "csrrsi", "csrrci"};

constexpr std::array<std::string_view, 32> kAbi = {
    "zero", "ra", "sp", "gp", "tp",  "t0",  "t1", "t2", "s0", "s1", "a0",
    "a1",   "a2", "a3", "a4", "a5",  "a6",  "a7", "s2", "s3", "s4", "s5",
    "s6",   "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"};

std::string csrName(unsigned csr) {
  switch (csr) {
    case 0x300: return "mstatus";
    case 0x301: return "misa";
    case 0x304: return "mie";
    case 0x305: return "mtvec";
    case 0x340: return "mscratch";
    case 0x341: return "mepc";
    case 0x342: return "mcause";
    case 0x343: return "mtval";
    case 0x344: return "mip";
    case 0xb00: return "mcycle";
    case 0xb02: return "minstret";
    case 0xb80: return "mcycleh";
    case 0xb82: return "minstreth";
    case 0xc00: return "cycle";
    case 0xc01: return "time";
    case 0xc02: return "instret";
    case 0xc80: return "cycleh";
    case 0xc81: return "timeh";
    case 0xc82: return "instreth";
    case 0xf11: return "mvendorid";
    case 0xf12: return "marchid";
    case 0xf13: return "mimpid";
    case 0xf14: return "mhartid";
    default: {
      char buf[16];
      std::snprintf(buf, sizeof buf, "0x%03x", csr);
      return buf;
    }
  }
}

}  // namespace

Decoded decode(uint32_t w) {
  Decoded d;
  d.word = w;
  d.op = decodeOp(w);
  d.rd = (w >> 7) & 0x1f;
  d.rs1 = (w >> 15) & 0x1f;
  d.rs2 = (w >> 20) & 0x1f;
  d.csr = static_cast<uint16_t>(w >> 20);
  switch (opClass(d.op)) {
    case OpClass::Upper: d.imm = static_cast<int32_t>(w & 0xfffff000u); break;
    case OpClass::Jump: d.imm = d.op == Op::Jal ? immJ(w) : immI(w); break;
    case OpClass::Branch: d.imm = immB(w); break;
    case OpClass::Store: d.imm = immS(w); break;
    case OpClass::Load:
    case OpClass::AluImm: d.imm = immI(w); break;
    default: break;
  }
  if (d.op == Op::Slli || d.op == Op::Srli || d.op == Op::Srai) d.imm = d.rs2;
  return d;
}

std::string_view opName(Op op) { return kNames[static_cast<size_t>(op)]; }

OpClass opClass(Op op) {
  if (op == Op::Lui || op == Op::Auipc) return OpClass::Upper;
  if (op == Op::Jal || op == Op::Jalr) return OpClass::Jump;
  if (op >= Op::Beq && op <= Op::Bgeu) return OpClass::Branch;
  if (op >= Op::Lb && op <= Op::Lhu) return OpClass::Load;
  if (op >= Op::Sb && op <= Op::Sw) return OpClass::Store;
  if (op >= Op::Addi && op <= Op::Srai) return OpClass::AluImm;
  if (op >= Op::Add && op <= Op::And) return OpClass::Alu;
  if (op >= Op::Mul && op <= Op::Remu) return OpClass::MulDiv;
  if (op >= Op::Csrrw && op <= Op::Csrrci) return OpClass::Csr;
  if (op == Op::Fence || op == Op::FenceI) return OpClass::Fence;
  if (op >= Op::Ecall && op <= Op::Wfi) return OpClass::System;
  return OpClass::Illegal;
}

std::string_view opClassName(OpClass c) {
  static constexpr std::array<std::string_view, static_cast<size_t>(OpClass::Count_)> k = {
      "upper", "jump", "branch", "load", "store", "alu_imm",
      "alu",   "muldiv", "csr",  "system", "fence", "illegal"};
  return k[static_cast<size_t>(c)];
}

bool readsRs1(Op op) {
  switch (opClass(op)) {
    case OpClass::Jump: return op == Op::Jalr;
    case OpClass::Branch:
    case OpClass::Load:
    case OpClass::Store:
    case OpClass::AluImm:
    case OpClass::Alu:
    case OpClass::MulDiv: return true;
    case OpClass::Csr: return op == Op::Csrrw || op == Op::Csrrs || op == Op::Csrrc;
    default: return false;
  }
}

bool readsRs2(Op op) {
  OpClass c = opClass(op);
  return c == OpClass::Branch || c == OpClass::Store || c == OpClass::Alu || c == OpClass::MulDiv;
}

bool writesRd(Op op) {
  switch (opClass(op)) {
    case OpClass::Upper:
    case OpClass::Jump:
    case OpClass::Load:
    case OpClass::AluImm:
    case OpClass::Alu:
    case OpClass::MulDiv:
    case OpClass::Csr: return true;
    default: return false;
  }
}

std::string disassemble(uint32_t word, uint32_t pc) {
  const Decoded d = decode(word);
  const std::string name(opName(d.op));
  auto r = [](unsigned i) { return std::string(kAbi[i & 31]); };
  char buf[96];
  switch (opClass(d.op)) {
    case OpClass::Upper:
      std::snprintf(buf, sizeof buf, "%s %s, 0x%x", name.c_str(), r(d.rd).c_str(),
                    static_cast<uint32_t>(d.imm) >> 12);
      break;
    case OpClass::Jump:
      if (d.op == Op::Jal)
        std::snprintf(buf, sizeof buf, "jal %s, 0x%x", r(d.rd).c_str(), pc + d.imm);
      else
        std::snprintf(buf, sizeof buf, "jalr %s, %d(%s)", r(d.rd).c_str(), d.imm, r(d.rs1).c_str());
      break;
    case OpClass::Branch:
      std::snprintf(buf, sizeof buf, "%s %s, %s, 0x%x", name.c_str(), r(d.rs1).c_str(),
                    r(d.rs2).c_str(), pc + d.imm);
      break;
    case OpClass::Load:
      std::snprintf(buf, sizeof buf, "%s %s, %d(%s)", name.c_str(), r(d.rd).c_str(), d.imm,
                    r(d.rs1).c_str());
      break;
    case OpClass::Store:
      std::snprintf(buf, sizeof buf, "%s %s, %d(%s)", name.c_str(), r(d.rs2).c_str(), d.imm,
                    r(d.rs1).c_str());
      break;
    case OpClass::AluImm:
      std::snprintf(buf, sizeof buf, "%s %s, %s, %d", name.c_str(), r(d.rd).c_str(),
                    r(d.rs1).c_str(), d.imm);
      break;
    case OpClass::Alu:
    case OpClass::MulDiv:
      std::snprintf(buf, sizeof buf, "%s %s, %s, %s", name.c_str(), r(d.rd).c_str(),
                    r(d.rs1).c_str(), r(d.rs2).c_str());
      break;
    case OpClass::Csr:
      if (d.op >= Op::Csrrwi)
        std::snprintf(buf, sizeof buf, "%s %s, %s, %u", name.c_str(), r(d.rd).c_str(),
                      csrName(d.csr).c_str(), d.rs1);
      else
        std::snprintf(buf, sizeof buf, "%s %s, %s, %s", name.c_str(), r(d.rd).c_str(),
                      csrName(d.csr).c_str(), r(d.rs1).c_str());
      break;
    case OpClass::System:
    case OpClass::Fence: std::snprintf(buf, sizeof buf, "%s", name.c_str()); break;
    default: std::snprintf(buf, sizeof buf, ".word 0x%08x", word); break;
  }
  return buf;
}

}  // namespace rtlarena::fuzz
