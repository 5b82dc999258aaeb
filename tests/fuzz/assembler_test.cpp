// Tests for the RV32IM + Zicsr assembler and encoder (rtlarena::fuzz::assemble, rv::*).
// Expected words come from the RISC-V unprivileged spec's encodings and were cross-checked
// against GNU as 2.40 (-march=rv32im_zicsr): the table below is its output.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "rtlarena/fuzz/assembler.h"
#include "rtlarena/fuzz/encode.h"

namespace rtlarena::fuzz {
namespace {

std::vector<uint32_t> words(const std::string& text) {
  const AssembleResult r = assemble(text);
  EXPECT_TRUE(r.ok()) << text << " -> " << r.error;
  return r.words;
}

uint32_t word(const std::string& text) {
  const auto w = words(text);
  EXPECT_EQ(w.size(), 1u) << text;
  return w.empty() ? 0 : w[0];
}

TEST(Assembler, AddiX1X0OneIsSpecEncoding) { EXPECT_EQ(word("addi x1, x0, 1"), 0x00100093u); }

TEST(Assembler, EveryMnemonicMatchesGnuAs) {
  const std::vector<std::pair<std::string, uint32_t>> table = {
      {"add x1, x2, x3", 0x003100b3},
      {"sub s0, s1, s2", 0x41248433},
      {"sll t0, t1, t2", 0x007312b3},
      {"slt a0, a1, a2", 0x00c5a533},
      {"sltu a3, a4, a5", 0x00f736b3},
      {"xor a6, a7, s2", 0x0128c833},
      {"srl s3, s4, s5", 0x015a59b3},
      {"sra s6, s7, s8", 0x418bdb33},
      {"or s9, s10, s11", 0x01bd6cb3},
      {"and t3, t4, t5", 0x01eefe33},
      {"mul t6, zero, ra", 0x02100fb3},
      {"mulh sp, gp, tp", 0x02419133},
      {"mulhsu fp, x9, x10", 0x02a4a433},
      {"mulhu x11, x12, x13", 0x02d635b3},
      {"div x14, x15, x16", 0x0307c733},
      {"divu x17, x18, x19", 0x033958b3},
      {"rem x20, x21, x22", 0x036aea33},
      {"remu x23, x24, x25", 0x039c7bb3},
      {"addi x1, x0, 1", 0x00100093},
      {"addi a0, a0, -2048", 0x80050513},
      {"slti a1, a2, 2047", 0x7ff62593},
      {"sltiu a1, a2, -1", 0xfff63593},
      {"xori a1, a2, 0x7ff", 0x7ff64593},
      {"ori a1, a2, -100", 0xf9c66593},
      {"andi a1, a2, 255", 0x0ff67593},
      {"slli a0, a1, 0", 0x00059513},
      {"srli a0, a1, 31", 0x01f5d513},
      {"srai a0, a1, 17", 0x4115d513},
      {"lb a0, -1(a1)", 0xfff58503},
      {"lh a0, 2(a1)", 0x00259503},
      {"lw a0, 2047(sp)", 0x7ff12503},
      {"lbu a0, -2048(a1)", 0x8005c503},
      {"lhu a0, (a1)", 0x0005d503},
      {"sb a0, -1(a1)", 0xfea58fa3},
      {"sh a0, 2(a1)", 0x00a59123},
      {"sw a0, 2044(sp)", 0x7ea12e23},
      {"lui a0, 0xfffff", 0xfffff537},
      {"auipc a0, 0x12345", 0x12345517},
      {"jalr a0", 0x000500e7},
      {"jalr a0, a1", 0x00058567},
      {"jalr a0, 12(a1)", 0x00c58567},
      {"jalr a0, a1, -4", 0xffc58567},
      {"jr a5", 0x00078067},
      {"ret", 0x00008067},
      {"csrrw a0, mstatus, a1", 0x30059573},
      {"csrrs a0, mtvec, a1", 0x3055a573},
      {"csrrc a0, 0x343, a1", 0x3435b573},
      {"csrrwi a0, mscratch, 31", 0x340fd573},
      {"csrrsi a0, mepc, 1", 0x3410e573},
      {"csrrci a0, mcause, 0", 0x34207573},
      {"csrr a0, mcycle", 0xb0002573},
      {"csrw minstret, a1", 0xb0259073},
      {"csrs mcycleh, a1", 0xb805a073},
      {"csrc minstreth, a1", 0xb825b073},
      {"csrwi mhartid, 3", 0xf141d073},
      {"csrsi mie, 4", 0x30426073},
      {"csrci mip, 5", 0x3442f073},
      {"ecall", 0x00000073},
      {"ebreak", 0x00100073},
      {"mret", 0x30200073},
      {"wfi", 0x10500073},
      {"fence", 0x0ff0000f},
      {"fence rw, rw", 0x0330000f},
      {"fence r, w", 0x0210000f},
      {"fence iorw, o", 0x0f40000f},
      {"nop", 0x00000013},
      {"mv a0, a1", 0x00058513},
      {"not a0, a1", 0xfff5c513},
      {"neg a0, a1", 0x40b00533},
      {"seqz a0, a1", 0x0015b513},
      {"snez a0, a1", 0x00b03533},
      {"sltz a0, a1", 0x0005a533},
      {"sgtz a0, a1", 0x00b02533},
      {"nop", 0x00000013},
  };
  for (const auto& [text, expected] : table) {
    EXPECT_EQ(word(text), expected) << text;
  }
}

TEST(Assembler, LiPicksTheShortestExpansion) {
  EXPECT_EQ(words("li a0, 0"), (std::vector<uint32_t>{0x00000513}));
  EXPECT_EQ(words("li a0, -2048"), (std::vector<uint32_t>{0x80000513}));
  EXPECT_EQ(words("li a0, 0x12345000"), (std::vector<uint32_t>{0x12345537}));
  EXPECT_EQ(words("li a0, 0x12345678"), (std::vector<uint32_t>{0x12345537, 0x67850513}));
  EXPECT_EQ(words("li a0, 0x80000000"), (std::vector<uint32_t>{0x80000537}));
  EXPECT_EQ(words("li a0, 0xfffff800"), (std::vector<uint32_t>{0x80000513}));
  EXPECT_EQ(words("li a0, 2048"), (std::vector<uint32_t>{0x00001537, 0x80050513}));
  EXPECT_EQ(words("li a0, 0x7fffffff"), (std::vector<uint32_t>{0x80000537, 0xfff50513}));
}

TEST(Assembler, LiAnyValueRebuildsExactly) {
  for (int64_t v : {0LL, 1LL, -1LL, 2047LL, 2048LL, -2049LL, 0x7ffLL, 0x800LL, 0xfffLL,
                    0x7fffffffLL, 0x80000000LL, 0xdeadbeefLL, 0xfffff7ffLL, 0x12345fffLL}) {
    const auto w = words("li t0, " + std::to_string(v));
    uint32_t value = 0;
    for (uint32_t insn : w) {
      const uint32_t opcode = insn & 0x7f;
      if (opcode == 0x37) value = insn & 0xfffff000u;
      if (opcode == 0x13) value += static_cast<uint32_t>(static_cast<int32_t>(insn) >> 20);
    }
    EXPECT_EQ(value, static_cast<uint32_t>(v)) << v;
  }
}

TEST(Assembler, LabelsResolveForwardAndBackward) {
  const auto r = assemble(
      "top:\n"
      "  beq a0, a1, fwd\n"  // 0x00: +12
      "  j top\n"            // 0x04: -4
      "  jal ra, fwd\n"      // 0x08: +4
      "fwd: bne a0, zero, top\n");  // 0x0c: -12
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.words, (std::vector<uint32_t>{rv::beq(10, 11, 12), rv::jal(0, -4), rv::jal(1, 4),
                                            rv::bne(10, 0, -12)}));
  EXPECT_EQ(r.symbols.at("top"), 0u);
  EXPECT_EQ(r.symbols.at("fwd"), 12u);
}

TEST(Assembler, LaIsPcRelativeAndCallIsJal) {
  const auto r = assemble("  nop\n  la a0, data\n  call fn\nfn: ret\n.org 0x2000\ndata: .word 7\n");
  ASSERT_TRUE(r.ok()) << r.error;
  // la at 0x4: data - 0x4 = 0x1ffc -> auipc a0, 2 ; addi a0, a0, -4
  EXPECT_EQ(r.words[1], rv::auipc(10, 2));
  EXPECT_EQ(r.words[2], rv::addi(10, 10, -4));
  EXPECT_EQ(r.words[3], rv::jal(1, 4));
  EXPECT_EQ(r.words.size(), 0x2000u / 4 + 1);
  EXPECT_EQ(r.words.back(), 7u);
}

TEST(Assembler, DirectivesPadAndEmitWords) {
  const auto r = assemble(".word 1, -1, 0x80000000\n.align 4\nx: .space 8\ny:\n");
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.words, (std::vector<uint32_t>{1, 0xffffffff, 0x80000000, 0, 0, 0}));
  EXPECT_EQ(r.symbols.at("x"), 16u);
  EXPECT_EQ(r.symbols.at("y"), 24u);
}

TEST(Assembler, ExpressionsAndRelocations) {
  const auto r = assemble("lui a0, %hi(0xdeadbeef)\naddi a0, a0, %lo(0xdeadbeef)\n"
                          "here: beq zero, zero, . + 8\n  addi a1, zero, (3 - 5) + ~0\n");
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.words[0], rv::lui(10, 0xdeadc));
  EXPECT_EQ(r.words[1], rv::addi(10, 10, -0x111));
  EXPECT_EQ(r.words[2], rv::beq(0, 0, 8));
  EXPECT_EQ(r.words[3], rv::addi(11, 0, -3));
}

TEST(Assembler, CommentsCaseAndSeveralLabelsPerLine) {
  const auto r = assemble("# header\nA: B: ADDI X1, ZERO, 1 // trailing\n  Nop # again\n");
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.words, (std::vector<uint32_t>{0x00100093, 0x00000013}));
  EXPECT_EQ(r.symbols.at("A"), 0u);
  EXPECT_EQ(r.symbols.at("B"), 0u);
  EXPECT_EQ(r.lines, (std::vector<int>{2, 3}));
}

struct BadCase {
  const char* text;
  int line;
  int column;
  const char* message;
};

TEST(Assembler, ErrorsNameLineColumnAndCause) {
  const std::vector<BadCase> cases = {
      {"nop\n  addx a0, a1, a2\n", 2, 3, "unknown instruction 'addx'"},
      {"addi a0, a1, 2048\n", 1, 14, "out of range -2048..2047"},
      {"addi a0, x32, 1\n", 1, 10, "expected a register, got 'x32'"},
      {"beq a0, a1, nowhere\n", 1, 13, "undefined symbol 'nowhere'"},
      {"l: nop\nl: nop\n", 2, 1, "defined twice"},
      {"add a0, a1\n", 1, 1, "takes 3 operands, got 2"},
      {"lw a0, 4(a9)\n", 1, 8, "expected a register inside ()"},
      {"slli a0, a0, 32\n", 1, 14, "out of range 0..31"},
      {"addi a0, a0, a1\n", 1, 14, "got register 'a1'"},
      {"li a0, later\nlater: nop\n", 1, 8, "use la for later labels"},
      {".org 8\n.org 4\n", 2, 6, ".org moves backwards"},
      {"csrr a0, 0x1000\n", 1, 10, "out of range 0..4095"},
      {".bogus 1\n", 1, 1, "unknown directive '.bogus'"},
      {"beq a0, a1, . + 3\n", 1, 13, "not 2-byte aligned"},
      {"  @\n", 1, 3, "expected a label or an instruction"},
  };
  for (const auto& c : cases) {
    const AssembleResult r = assemble(c.text);
    EXPECT_FALSE(r.ok()) << c.text;
    EXPECT_TRUE(r.words.empty()) << c.text;
    EXPECT_EQ(r.errorLine, c.line) << c.text << " -> " << r.error;
    EXPECT_EQ(r.errorColumn, c.column) << c.text << " -> " << r.error;
    EXPECT_NE(r.error.find(c.message), std::string::npos) << c.text << " -> " << r.error;
    EXPECT_EQ(r.error.rfind("line " + std::to_string(c.line) + ", column ", 0), 0u) << r.error;
  }
}

TEST(Encoder, FormatsPlaceImmediateBits) {
  EXPECT_EQ(encodeI(Opcode::OpImm, 1, 0, 0, 1), 0x00100093u);
  EXPECT_EQ(encodeS(Opcode::Store, 2, 2, 10, -4), 0xfea12e23u);  // sw a0, -4(sp)
  EXPECT_EQ(encodeB(Opcode::Branch, 0, 0, 0, -4096), 0x80000063u);
  EXPECT_EQ(encodeB(Opcode::Branch, 0, 0, 0, 4094), 0x7e000fe3u);
  EXPECT_EQ(encodeJ(Opcode::Jal, 0, -1048576), 0x8000006fu);
  EXPECT_EQ(encodeJ(Opcode::Jal, 0, 1048574), 0x7ffff06fu);
  EXPECT_EQ(encodeU(Opcode::Lui, 5, 0xfffff), 0xfffff2b7u);
  EXPECT_EQ(encodeR(Opcode::Op, 3, 0, 1, 2, 0x20), 0x402081b3u);  // sub gp, ra, sp
}

TEST(Encoder, NamedHelpersMatchAssembler) {
  EXPECT_EQ(rv::addi(1, 0, 1), word("addi ra, zero, 1"));
  EXPECT_EQ(rv::and_(5, 6, 7), word("and t0, t1, t2"));
  EXPECT_EQ(rv::or_(5, 6, 7), word("or t0, t1, t2"));
  EXPECT_EQ(rv::xor_(5, 6, 7), word("xor t0, t1, t2"));
  EXPECT_EQ(rv::srai(10, 11, 31), word("srai a0, a1, 31"));
  EXPECT_EQ(rv::csrrw(0, 0x305, 5), word("csrw mtvec, t0"));
  EXPECT_EQ(rv::csrrsi(10, 0x300, 8), word("csrrsi a0, mstatus, 8"));
  EXPECT_EQ(rv::divu(1, 2, 3), word("divu ra, sp, gp"));
  EXPECT_EQ(rv::fence(), word("fence"));
  EXPECT_EQ(rv::ecall(), 0x00000073u);
  EXPECT_EQ(rv::ebreak(), 0x00100073u);
  EXPECT_EQ(rv::mret(), 0x30200073u);
  EXPECT_EQ(rv::nop(), 0x00000013u);
}

TEST(Registers, AbiAndNumericNames) {
  EXPECT_EQ(parseRegister("zero"), 0u);
  EXPECT_EQ(parseRegister("fp"), 8u);
  EXPECT_EQ(parseRegister("s0"), 8u);
  EXPECT_EQ(parseRegister("t6"), 31u);
  EXPECT_EQ(parseRegister("X31"), 31u);
  EXPECT_FALSE(parseRegister("x32").has_value());
  EXPECT_FALSE(parseRegister("x01").has_value());
  EXPECT_FALSE(parseRegister("a8").has_value());
  EXPECT_EQ(csrAddress("mhartid"), 0xf14u);
  EXPECT_FALSE(csrAddress("nosuchcsr").has_value());
}

}  // namespace
}  // namespace rtlarena::fuzz
