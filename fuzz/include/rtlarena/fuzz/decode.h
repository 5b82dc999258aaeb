// RV32IM + Zicsr decoder and disassembler. In: a 32-bit instruction word. Out: the operation
// and its fields, or Op::Illegal for every word the base ISA reserves. Shared by the ISA
// model (what to execute), the generator and mutators (what a word is), lockstep (which
// registers an instruction reads) and the reports (disassembly).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace rtlarena::fuzz {

/// Every operation the model knows. FenceI is decoded so a core's tolerance can choose
/// between executing it as a fence and trapping.
enum class Op : uint8_t {
  Illegal,
  Lui, Auipc, Jal, Jalr,
  Beq, Bne, Blt, Bge, Bltu, Bgeu,
  Lb, Lh, Lw, Lbu, Lhu, Sb, Sh, Sw,
  Addi, Slti, Sltiu, Xori, Ori, Andi, Slli, Srli, Srai,
  Add, Sub, Sll, Slt, Sltu, Xor, Srl, Sra, Or, And,
  Mul, Mulh, Mulhsu, Mulhu, Div, Divu, Rem, Remu,
  Fence, FenceI, Ecall, Ebreak, Mret, Wfi,
  Csrrw, Csrrs, Csrrc, Csrrwi, Csrrsi, Csrrci,
  Count_,  ///< number of operations, not an operation
};

/// Coarse groups, used for coverage bins, generator weights and context features.
enum class OpClass : uint8_t { Upper, Jump, Branch, Load, Store, AluImm, Alu, MulDiv, Csr, System, Fence, Illegal, Count_ };

/// A decoded instruction. `imm` is the sign-extended immediate of its format (the U-type
/// value already shifted into bits 31:12); for CSR-immediate forms `rs1` holds the zimm.
struct Decoded {
  Op op = Op::Illegal;
  uint8_t rd = 0, rs1 = 0, rs2 = 0;
  int32_t imm = 0;
  uint16_t csr = 0;
  uint32_t word = 0;
};

Decoded decode(uint32_t word);

std::string_view opName(Op op);
OpClass opClass(Op op);
std::string_view opClassName(OpClass c);

/// True when the operation reads the register in its rs1 / rs2 field.
bool readsRs1(Op op);
bool readsRs2(Op op);
/// True when the operation architecturally writes its rd field (unless rd is x0).
bool writesRd(Op op);

/// "addi a0, a0, 1" style text (x-register names); branch/jump targets absolute when `pc`
/// is given. Illegal words print as ".word 0x...".
std::string disassemble(uint32_t word, uint32_t pc = 0);

}  // namespace rtlarena::fuzz
