// Decoder, disassembler and the lockstep comparison (field order, RVFI memory encodings,
// unpredictable values).
#include <gtest/gtest.h>

#include "rtlarena/fuzz/decode.h"
#include "rtlarena/fuzz/encode.h"
#include "rtlarena/fuzz/lockstep.h"

namespace rtlarena::fuzz {
namespace {

TEST(Decode, FieldsAndImmediates) {
  Decoded d = decode(rv::sw(7, 8, -4));
  EXPECT_EQ(d.op, Op::Sw);
  EXPECT_EQ(d.rs1, 8);
  EXPECT_EQ(d.rs2, 7);
  EXPECT_EQ(d.imm, -4);
  EXPECT_EQ(decode(rv::beq(1, 2, -8)).imm, -8);
  EXPECT_EQ(decode(rv::jal(1, 2048)).imm, 2048);
  EXPECT_EQ(decode(rv::srai(1, 2, 7)).imm, 7);
  EXPECT_EQ(decode(rv::csrrwi(1, 0x340, 9)).rs1, 9);
  EXPECT_EQ(decode(rv::csrrwi(1, 0x340, 9)).csr, 0x340);
}

TEST(Decode, ReservedEncodingsAreIllegal) {
  EXPECT_EQ(decode(0).op, Op::Illegal);
  EXPECT_EQ(decode(0x00002067).op, Op::Illegal);  // jalr funct3 = 2
  EXPECT_EQ(decode(0x00003003).op, Op::Illegal);  // ld
  EXPECT_EQ(decode(0x40001033).op, Op::Illegal);  // sll with funct7 0x20
  EXPECT_EQ(decode(0x00004073).op, Op::Illegal);  // SYSTEM funct3 = 4
  EXPECT_EQ(decode(0x0000100f).op, Op::FenceI);
  EXPECT_EQ(opClass(Op::Mulhsu), OpClass::MulDiv);
  EXPECT_TRUE(readsRs2(Op::Sb));
  EXPECT_FALSE(writesRd(Op::Sb));
  EXPECT_FALSE(readsRs1(Op::Csrrwi));
}

TEST(Decode, DisassemblyReadsLikeObjdump) {
  EXPECT_EQ(disassemble(rv::addi(10, 10, 1)), "addi a0, a0, 1");
  EXPECT_EQ(disassemble(rv::lw(5, 2, -8)), "lw t0, -8(sp)");
  EXPECT_EQ(disassemble(rv::bne(1, 0, 8), 0x400), "bne ra, zero, 0x408");
  EXPECT_EQ(disassemble(rv::csrrs(10, 0x342, 0)), "csrrs a0, mcause, zero");
  EXPECT_EQ(disassemble(0xffffffff), ".word 0xffffffff");
}

ModelStep expectedAdd() {
  ModelStep s;
  s.insn = decode(rv::add(3, 1, 2));
  s.rvfi.valid = 1;
  s.rvfi.insn = s.insn.word;
  s.rvfi.pc_rdata = 0x400;
  s.rvfi.pc_wdata = 0x404;
  s.rvfi.rd_addr = 3;
  s.rvfi.rd_wdata = 5;
  s.rvfi.rs1_addr = 1;
  s.rvfi.rs1_rdata = 2;
  s.rvfi.rs2_addr = 2;
  s.rvfi.rs2_rdata = 3;
  return s;
}

TEST(Lockstep, IdenticalRetirementsAgree) {
  ModelStep e = expectedAdd();
  EXPECT_FALSE(compareRetirement(e, e.rvfi, 0).has_value());
}

TEST(Lockstep, FirstDifferingFieldNamesTheDivergence) {
  ModelStep e = expectedAdd();
  Rvfi a = e.rvfi;
  a.rd_wdata = 6;
  auto d = compareRetirement(e, a, 4);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->field, "rd");
  EXPECT_EQ(d->signature(), "rd@add");
  EXPECT_EQ(d->index, 4u);
  a.pc_rdata = 0x500;  // pc comes first
  EXPECT_EQ(compareRetirement(e, a, 0)->field, "pc");
  a = e.rvfi;
  a.rs1_rdata = 9;
  EXPECT_EQ(compareRetirement(e, a, 0)->field, "rs1");
  a = e.rvfi;
  a.rd_addr = 0;
  a.rd_wdata = 5;
  EXPECT_EQ(compareRetirement(e, a, 0)->field, "rvfi");  // rd_wdata must be 0 for rd 0
}

TEST(Lockstep, BothRvfiMemoryEncodingsCompareEqual) {
  ModelStep e;
  e.insn = decode(rv::lh(1, 2, 2));
  e.rvfi.insn = e.insn.word;
  e.rvfi.mem_addr = 0x1002;
  e.rvfi.mem_rmask = 0x3;
  e.rvfi.mem_rdata = 0xbeef;
  e.rvfi.rd_addr = 1;
  e.rvfi.rd_wdata = 0xffffbeef;
  Rvfi aligned = e.rvfi;  // aligned address with a shifted mask and lane data
  aligned.mem_addr = 0x1000;
  aligned.mem_rmask = 0xc;
  aligned.mem_rdata = 0xbeef0000;
  EXPECT_FALSE(compareRetirement(e, aligned, 0).has_value());
  aligned.mem_rdata = 0xbeee0000;
  EXPECT_EQ(compareRetirement(e, aligned, 0)->field, "mem");
}

TEST(Lockstep, SixteenBitEncodingsCompareTheirParcelOnly) {
  ModelStep e;
  e.insn = decode(0xfe1e3179u);  // bits 1:0 = 01: a 16-bit encoding, illegal without C
  e.rvfi.insn = e.insn.word;
  e.rvfi.trap = 1;
  Rvfi a = e.rvfi;
  a.insn = 0x00003179u;
  EXPECT_FALSE(compareRetirement(e, a, 0).has_value());
  a.insn = 0x00003178u;
  EXPECT_TRUE(compareRetirement(e, a, 0).has_value());
}

TEST(Lockstep, ReadsMayCoverMoreBytesThanAccessed) {
  ModelStep e;
  e.insn = decode(rv::lbu(1, 2, 3));
  e.rvfi.insn = e.insn.word;
  e.rvfi.mem_addr = 0x1003;
  e.rvfi.mem_rmask = 0x1;
  e.rvfi.mem_rdata = 0xab;
  e.rvfi.rd_addr = 1;
  e.rvfi.rd_wdata = 0xab;
  Rvfi word = e.rvfi;  // the whole word, as PicoRV32 reports loads
  word.mem_addr = 0x1000;
  word.mem_rmask = 0xf;
  word.mem_rdata = 0xab123456;
  EXPECT_FALSE(compareRetirement(e, word, 0).has_value());
  word.mem_rdata = 0xac123456;
  EXPECT_EQ(compareRetirement(e, word, 0)->field, "mem");
}

TEST(Lockstep, UnpredictableValuesAreNotCompared) {
  ModelStep e;
  e.insn = decode(rv::csrrs(5, 0xb00, 0));
  e.rvfi.insn = e.insn.word;
  e.rvfi.rd_addr = 5;
  e.rdUnknown = true;
  Rvfi a = e.rvfi;
  a.rd_wdata = 1234;
  EXPECT_FALSE(compareRetirement(e, a, 0).has_value());
  a.rd_addr = 6;
  EXPECT_TRUE(compareRetirement(e, a, 0).has_value());
}

TEST(Lockstep, TrapsCompareTrapFlagNotNextPc) {
  ModelStep e;
  e.insn = decode(0);
  e.rvfi.trap = 1;
  e.rvfi.pc_wdata = 0x100;
  Rvfi a = e.rvfi;
  a.pc_wdata = 0x104;
  EXPECT_FALSE(compareRetirement(e, a, 0).has_value());
  CompareOptions strict;
  strict.checkTrapPcNext = true;
  EXPECT_TRUE(compareRetirement(e, a, 0, strict).has_value());
  a.trap = 0;
  EXPECT_EQ(compareRetirement(e, a, 0)->signature(), "trap@illegal:trap");
}

}  // namespace
}  // namespace rtlarena::fuzz
