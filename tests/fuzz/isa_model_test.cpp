// The ISA model against hand-written programs: single instructions with known results, the
// spec's corner cases (division, shifts, sign extension, misalignment, CSRs, traps), and the
// self-check programs of designs/riscv/programs run on the model alone.
#include <gtest/gtest.h>

#include <filesystem>

#include "rtlarena/core/files.h"
#include "rtlarena/fuzz/assembler.h"
#include "rtlarena/fuzz/calibrate.h"
#include "rtlarena/fuzz/encode.h"
#include "rtlarena/fuzz/isa_model.h"
#include "rtlarena/fuzz/lockstep.h"

namespace rtlarena::fuzz {
namespace {

namespace fs = std::filesystem;

bool isCsrOpForTest(Op op) { return op >= Op::Csrrw && op <= Op::Csrrci; }

// Runs `text` (assembled at 0) until the first ecall; returns the model.
IsaModel runAsm(const std::string& text, IsaOptions opts = {}, unsigned maxSteps = 10000) {
  AssembleResult a = assemble(text);
  EXPECT_TRUE(a.ok()) << a.error;
  IsaModel m(opts);
  m.loadMemory(a.words);
  m.reset();
  for (unsigned i = 0; i < maxSteps; ++i) {
    ModelStep s = m.step();
    if (s.insn.op == Op::Ecall || s.halted) break;
  }
  return m;
}

// One instruction after setting registers; returns its step.
ModelStep one(uint32_t word, std::initializer_list<std::pair<unsigned, uint32_t>> regs = {}, IsaOptions opts = {}) {
  IsaModel m(opts);
  m.loadMemory({word});
  m.reset();
  for (auto [r, v] : regs) m.setReg(r, v);
  return m.step();
}

TEST(IsaModel, ArithmeticResults) {
  EXPECT_EQ(one(rv::addi(1, 2, -1), {{2, 5}}).rvfi.rd_wdata, 4u);
  EXPECT_EQ(one(rv::sub(1, 2, 3), {{2, 5}, {3, 7}}).rvfi.rd_wdata, 0xfffffffeu);
  EXPECT_EQ(one(rv::slt(1, 2, 3), {{2, 0xffffffff}, {3, 1}}).rvfi.rd_wdata, 1u);
  EXPECT_EQ(one(rv::sltu(1, 2, 3), {{2, 0xffffffff}, {3, 1}}).rvfi.rd_wdata, 0u);
  EXPECT_EQ(one(rv::sltiu(1, 2, -1), {{2, 5}}).rvfi.rd_wdata, 1u);  // imm sign-extends, then unsigned
  EXPECT_EQ(one(rv::srai(1, 2, 4), {{2, 0x80000000}}).rvfi.rd_wdata, 0xf8000000u);
  EXPECT_EQ(one(rv::srl(1, 2, 3), {{2, 0x80000000}, {3, 33}}).rvfi.rd_wdata, 0x40000000u);  // shamt = rs2[4:0]
  EXPECT_EQ(one(rv::lui(1, 0xfffff)).rvfi.rd_wdata, 0xfffff000u);
  EXPECT_EQ(one(rv::auipc(1, 1)).rvfi.rd_wdata, 0x1000u);
}

TEST(IsaModel, DivisionCornerCasesFollowTheSpecTable) {
  EXPECT_EQ(one(rv::div(1, 2, 3), {{2, 7}, {3, 0}}).rvfi.rd_wdata, 0xffffffffu);
  EXPECT_EQ(one(rv::divu(1, 2, 3), {{2, 7}, {3, 0}}).rvfi.rd_wdata, 0xffffffffu);
  EXPECT_EQ(one(rv::rem(1, 2, 3), {{2, 7}, {3, 0}}).rvfi.rd_wdata, 7u);
  EXPECT_EQ(one(rv::remu(1, 2, 3), {{2, 7}, {3, 0}}).rvfi.rd_wdata, 7u);
  EXPECT_EQ(one(rv::div(1, 2, 3), {{2, 0x80000000}, {3, 0xffffffff}}).rvfi.rd_wdata, 0x80000000u);
  EXPECT_EQ(one(rv::rem(1, 2, 3), {{2, 0x80000000}, {3, 0xffffffff}}).rvfi.rd_wdata, 0u);
  EXPECT_EQ(one(rv::div(1, 2, 3), {{2, static_cast<uint32_t>(-7)}, {3, 2}}).rvfi.rd_wdata, static_cast<uint32_t>(-3));
  EXPECT_EQ(one(rv::rem(1, 2, 3), {{2, static_cast<uint32_t>(-7)}, {3, 2}}).rvfi.rd_wdata, static_cast<uint32_t>(-1));
}

TEST(IsaModel, MultiplyHighHalves) {
  EXPECT_EQ(one(rv::mulh(1, 2, 3), {{2, 0xffffffff}, {3, 0xffffffff}}).rvfi.rd_wdata, 0u);
  EXPECT_EQ(one(rv::mulhu(1, 2, 3), {{2, 0xffffffff}, {3, 0xffffffff}}).rvfi.rd_wdata, 0xfffffffeu);
  EXPECT_EQ(one(rv::mulhsu(1, 2, 3), {{2, 0xffffffff}, {3, 0xffffffff}}).rvfi.rd_wdata, 0xffffffffu);
  EXPECT_EQ(one(rv::mul(1, 2, 3), {{2, 0x10000}, {3, 0x10001}}).rvfi.rd_wdata, 0x10000u);
}

TEST(IsaModel, LoadsExtendAndReportRawBytes) {
  IsaModel m({});
  std::vector<uint32_t> img(0x2000, 0);
  img[0] = rv::lb(1, 5, 1);
  img[1] = rv::lhu(2, 5, 2);
  img[2] = rv::lh(3, 5, 2);
  img[0x1000 / 4] = 0x8081f000;
  m.loadMemory(img);
  m.reset();
  m.setReg(5, 0x1000);
  ModelStep s = m.step();
  EXPECT_EQ(s.rvfi.rd_wdata, 0xfffffff0u);
  EXPECT_EQ(s.rvfi.mem_addr, 0x1001u);
  EXPECT_EQ(s.rvfi.mem_rmask, 1u);
  EXPECT_EQ(s.rvfi.mem_rdata, 0xf0u);
  EXPECT_EQ(m.step().rvfi.rd_wdata, 0x8081u);
  s = m.step();
  EXPECT_EQ(s.rvfi.rd_wdata, 0xffff8081u);
  EXPECT_EQ(s.rvfi.mem_rdata, 0x8081u);
}

TEST(IsaModel, StoresWriteOnlyTheirBytes) {
  IsaModel m = runAsm(R"(
    li t0, 0x1000
    li t1, 0x11223344
    sw t1, 0(t0)
    li t2, 0xaabbccdd
    sb t2, 1(t0)
    sh t2, 6(t0)
    ecall)");
  EXPECT_EQ(m.loadWord(0x1000), 0x1122dd44u);
  EXPECT_EQ(m.loadWord(0x1004), 0xccdd0000u);
}

TEST(IsaModel, AddressesWrapModuloMemory) {
  IsaModel m = runAsm(R"(
    li t0, 0x14000
    li t1, 77
    sw t1, 0(t0)
    li t2, 0x4000
    lw a0, 0(t2)
    ecall)");
  EXPECT_EQ(m.reg(10), 77u);
}

TEST(IsaModel, MisalignedAccessTrapsWithAddressInMtval) {
  ModelStep s = one(rv::lw(1, 2, 2), {{2, 0x1000}});
  EXPECT_TRUE(s.rvfi.trap);
  EXPECT_EQ(s.cause, TrapCause::LoadMisaligned);
  EXPECT_EQ(s.rvfi.rd_addr, 0u);
  EXPECT_EQ(s.rvfi.pc_wdata, 0x100u);
  EXPECT_EQ(one(rv::sh(1, 2, 1), {{2, 0x1000}}).cause, TrapCause::StoreMisaligned);
  IsaOptions sup;
  sup.misaligned = MisalignedPolicy::Support;
  ModelStep ok = one(rv::lw(1, 2, 2), {{2, 0x1000}}, sup);
  EXPECT_FALSE(ok.rvfi.trap);
  EXPECT_EQ(ok.rvfi.mem_addr, 0x1002u);
}

TEST(IsaModel, JumpsClearBitZeroAndTrapOnBitOne) {
  ModelStep j = one(rv::jalr(1, 2, 1), {{2, 0x200}});
  EXPECT_FALSE(j.rvfi.trap);
  EXPECT_EQ(j.rvfi.pc_wdata, 0x200u);
  EXPECT_EQ(j.rvfi.rd_wdata, 4u);
  ModelStep t = one(rv::jalr(1, 2, 2), {{2, 0x200}});
  EXPECT_EQ(t.cause, TrapCause::InsnMisaligned);
  EXPECT_EQ(t.rvfi.rd_addr, 0u);  // rd is not written on the trap
  // a misaligned branch target traps only when taken
  EXPECT_FALSE(one(rv::beq(1, 2, 6), {{1, 1}, {2, 2}}).rvfi.trap);
  EXPECT_EQ(one(rv::beq(1, 2, 6), {{1, 2}, {2, 2}}).cause, TrapCause::InsnMisaligned);
}

TEST(IsaModel, IllegalEncodingsTrapWithTheWordInMtval) {
  IsaModel m({});
  m.loadMemory({0x00000000u});
  m.reset();
  ModelStep s = m.step();
  EXPECT_EQ(s.cause, TrapCause::IllegalInsn);
  EXPECT_EQ(m.mcause(), 2u);
  EXPECT_EQ(one(0xffffffffu).cause, TrapCause::IllegalInsn);
  EXPECT_EQ(one(rv::slli(1, 1, 3) | (1u << 25)).cause, TrapCause::IllegalInsn);  // bad funct7
  EXPECT_EQ(one(0x0000100f).cause, TrapCause::IllegalInsn);                       // fence.i, no Zifencei
  IsaOptions nop;
  nop.fenceI = FenceIPolicy::Nop;
  EXPECT_FALSE(one(0x0000100f, {}, nop).rvfi.trap);
  EXPECT_EQ(one(0x00200073).cause, TrapCause::IllegalInsn);  // SYSTEM with funct3 0 but not a known word
  EXPECT_FALSE(one(rv::fence(3, 5) | (7u << 7)).rvfi.trap);  // fence ignores its other fields
}

TEST(IsaModel, TrapEntryAndMretMoveMieThroughMpie) {
  IsaModel m = runAsm(R"(
    j start
.org 0x100
    csrr s1, mstatus
    csrr s2, mepc
    csrr s3, mcause
    csrr s4, mtval
    addi s2, s2, 4
    csrw mepc, s2
    mret
start:
    csrsi mstatus, 8
    ebreak
    csrr s5, mstatus
    ecall)");
  EXPECT_EQ(m.reg(9), 0x1880u);   // MPP = 3, MPIE = 1, MIE = 0 inside the handler
  EXPECT_EQ(m.reg(19), 3u);       // breakpoint
  EXPECT_EQ(m.reg(20), m.reg(18) - 4);  // mtval = pc of the ebreak
  EXPECT_EQ(m.reg(21), 0x1888u);  // after mret: MIE = MPIE = 1
}

TEST(IsaModel, CsrAccessRules) {
  EXPECT_EQ(one(rv::csrrs(1, csr::kMhartid, 0)).cause, TrapCause::None);        // read of a RO CSR
  EXPECT_EQ(one(rv::csrrs(1, csr::kMhartid, 2), {{2, 1}}).cause, TrapCause::IllegalInsn);  // write
  EXPECT_EQ(one(rv::csrrw(0, csr::kMhartid, 0)).cause, TrapCause::IllegalInsn);  // csrrw always writes
  EXPECT_EQ(one(rv::csrrs(1, 0x7c0, 0)).cause, TrapCause::IllegalInsn);         // not implemented
  EXPECT_EQ(one(rv::csrrs(1, csr::kCycle, 0)).cause, TrapCause::IllegalInsn);   // not in our list
  EXPECT_EQ(one(rv::csrrs(1, csr::kMisa, 0)).rvfi.rd_wdata, 0x40001100u);
  IsaModel m = runAsm(R"(
    li t0, 0x12345677
    csrw mepc, t0
    csrr a0, mepc
    csrw mtvec, t0
    csrr a1, mtvec
    csrwi mie, 31
    csrr a2, mie
    csrw mscratch, t0
    csrrc a3, mscratch, t0
    csrr a4, mscratch
    ecall)");
  EXPECT_EQ(m.reg(10), 0x12345674u);
  EXPECT_EQ(m.reg(11), 0x12345674u);
  EXPECT_EQ(m.reg(12), 0u);
  EXPECT_EQ(m.reg(13), 0x12345677u);
  EXPECT_EQ(m.reg(14), 0u);
}

TEST(IsaModel, MinstretCountsRetiredInstructionsOnly) {
  IsaModel m = runAsm(R"(
    j start
.org 0x100
    csrr t0, mepc
    addi t0, t0, 4
    csrw mepc, t0
    mret
start:
    csrr a0, minstret
    .word 0
    csrr a1, minstret
    csrwi minstret, 5
    csrr a2, minstret
    ecall)");
  EXPECT_EQ(m.reg(10), 1u);     // the j
  EXPECT_EQ(m.reg(11), 6u);     // + csrr, 4 handler instructions; the illegal word is not counted
  EXPECT_EQ(m.reg(12), 5u);     // the writing instruction is not counted
}

TEST(IsaModel, CycleCounterReadsAreMarkedUnpredictable) {
  ModelStep s = one(rv::csrrs(1, csr::kMcycle, 0));
  EXPECT_TRUE(s.rdUnknown);
  EXPECT_FALSE(one(rv::csrrs(0, csr::kMcycle, 0)).rdUnknown);
}

TEST(IsaModel, X0StaysZeroAndReportsNoWrite) {
  ModelStep s = one(rv::addi(0, 0, 5));
  EXPECT_EQ(s.rvfi.rd_addr, 0u);
  EXPECT_EQ(s.rvfi.rd_wdata, 0u);
}

// rd_report_ignored: a fence that reports an rd write is accepted only as a report; the model
// keeps the register, so a core that really wrote it diverges at the next read.
TEST(IsaModel, IgnoredRdReportKeepsTheRegisterAndIsNotCompared) {
  const uint32_t fenceRd5 = 0x0ff0028fu;  // fence iorw, iorw with rd = x5 (a reserved field)
  IsaOptions o;
  o.rdReportIgnored = {Op::Fence};
  ModelStep s = one(fenceRd5, {{5, 0x1234}}, o);
  EXPECT_TRUE(s.rdReportIgnored);
  EXPECT_EQ(s.rvfi.rd_addr, 0u);
  Rvfi act = s.rvfi;
  act.rd_addr = 5;
  act.rd_wdata = 0x99;
  EXPECT_FALSE(compareRetirement(s, act, 0).has_value());
  ModelStep strict = one(fenceRd5, {{5, 0x1234}});
  EXPECT_FALSE(strict.rdReportIgnored);
  auto d = compareRetirement(strict, act, 0);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->signature(), "rd@fence");
  // only instructions that write nothing: an add's rd is compared as before
  IsaOptions all;
  all.rdReportIgnored = {Op::Add};
  ModelStep add = one(rv::add(3, 1, 2), {{1, 2}, {2, 3}}, all);
  Rvfi wrong = add.rvfi;
  wrong.rd_wdata = 7;
  EXPECT_TRUE(compareRetirement(add, wrong, 0).has_value());
}

TEST(IsaModel, HaltPolicyStopsAtTheFirstTrap) {
  IsaOptions o;
  o.traps = TrapPolicy::Halt;
  ModelStep s = one(0u, {}, o);
  EXPECT_TRUE(s.halted);
  EXPECT_TRUE(s.rvfi.trap);
}

// NERV: ecall/ebreak go to mtvec without rvfi_trap, mtval kept; illegal instructions halt.
TEST(IsaModel, EcallEbreakAsJumpsSetTrapStateButReportNoTrap) {
  IsaOptions o;
  o.traps = TrapPolicy::Halt;
  o.ecallEbreakJump = true;
  o.mtvecReset = 0x200;
  IsaModel m(o);
  // 0x00: mtval = 0x55; mstatus.MIE = 1; ebreak at 0x0c; at mtvec 0x200 read the trap state
  std::vector<uint32_t> img(0x100, 0);
  img[0] = rv::addi(5, 0, 0x55);
  img[1] = rv::csrrw(0, csr::kMtval, 5);
  img[2] = rv::csrrsi(0, csr::kMstatus, 8);
  img[3] = rv::ebreak();
  img[0x80] = rv::csrrs(6, csr::kMcause, 0);
  img[0x81] = rv::csrrs(7, csr::kMepc, 0);
  img[0x82] = rv::csrrs(28, csr::kMtval, 0);
  img[0x83] = rv::csrrs(29, csr::kMstatus, 0);
  img[0x84] = rv::mret();  // legal: the core has mepc
  m.loadMemory(img);
  m.reset();
  for (int i = 0; i < 3; ++i) m.step();
  ModelStep e = m.step();
  EXPECT_FALSE(e.rvfi.trap);
  EXPECT_FALSE(e.halted);
  EXPECT_EQ(e.rvfi.pc_wdata, 0x200u);
  for (int i = 0; i < 4; ++i) m.step();
  ModelStep r = m.step();
  EXPECT_FALSE(r.rvfi.trap);
  EXPECT_EQ(r.rvfi.pc_wdata, 0x0cu);
  EXPECT_EQ(m.reg(6), 3u);       // mcause: breakpoint
  EXPECT_EQ(m.reg(7), 0x0cu);    // mepc
  EXPECT_EQ(m.reg(28), 0x55u);   // mtval kept
  EXPECT_EQ(m.reg(29), 0x1880u); // MPIE = old MIE, MIE = 0
  // without the option ecall is a trap that halts the core
  o.ecallEbreakJump = false;
  ModelStep t = one(rv::ecall(), {}, o);
  EXPECT_TRUE(t.rvfi.trap);
  EXPECT_TRUE(t.halted);
}

TEST(IsaModel, MretTrapsOnAHaltingCoreWithoutMepc) {
  IsaOptions o;
  o.traps = TrapPolicy::Halt;
  o.csrs = {csr::kCycle};
  EXPECT_TRUE(one(rv::mret(), {}, o).rvfi.trap);
  o.csrs.insert(csr::kMepc);
  EXPECT_FALSE(one(rv::mret(), {}, o).rvfi.trap);
}

TEST(IsaModel, UnpredictableMinstretAndMcauseWriteMask) {
  IsaOptions o;
  EXPECT_FALSE(one(rv::csrrs(5, csr::kMinstret, 0), {}, o).rdUnknown);
  o.minstretUnpredictable = true;
  EXPECT_TRUE(one(rv::csrrs(5, csr::kMinstret, 0), {}, o).rdUnknown);
  EXPECT_TRUE(one(rv::csrrs(5, csr::kMinstreth, 0), {}, o).rdUnknown);
  o.mcauseMask = 0x8000001f;
  IsaModel m(o);
  m.loadMemory({rv::csrrw(0, csr::kMcause, 5), rv::csrrs(6, csr::kMcause, 0)});
  m.reset();
  m.setReg(5, 0xffffffff);
  m.step();
  m.step();
  EXPECT_EQ(m.reg(6), 0x8000001fu);
}

// Calibration asks whether a write of zero from a register (rs1 != x0) to a read-only CSR
// traps: the model says it does (the spec decides by the register index, not its value).
TEST(IsaModel, CalibrationProbesWriteZeroRegisterToReadOnlyCsr) {
  int found = 0;
  for (const CalibrationProbe& p : calibrationSuite()) {
    if (p.name.find("-zero-register") == std::string::npos) continue;
    ++found;
    IsaModel m({});
    m.loadMemory(p.program.body);
    m.reset();
    ModelStep s;
    do s = m.step();
    while (!isCsrOpForTest(s.insn.op) && !s.rvfi.trap);
    EXPECT_EQ(s.insn.csr, csr::kMhartid) << p.name;
    EXPECT_NE(s.insn.rs1, 0u) << p.name;
    EXPECT_TRUE(s.rvfi.trap) << p.name;
  }
  EXPECT_EQ(found, 2);
}

TEST(IsaModel, ReadOnlyCsrAtAReadWriteAddressTrapsOnWrites) {
  IsaOptions o;
  o.csrs.insert(0xb03);
  EXPECT_FALSE(one(rv::csrrw(0, 0xb03, 5), {{5, 1}}, o).rvfi.trap);  // mhpmcounter3: writable
  o.readOnlyCsrs.insert(0xb03);
  EXPECT_TRUE(one(rv::csrrw(0, 0xb03, 5), {{5, 1}}, o).rvfi.trap);
  EXPECT_TRUE(one(rv::csrrsi(6, 0xb03, 1), {}, o).rvfi.trap);
  ModelStep r = one(rv::csrrs(6, 0xb03, 0), {}, o);
  EXPECT_FALSE(r.rvfi.trap);
  EXPECT_EQ(r.rvfi.rd_addr, 6u);
  EXPECT_EQ(r.rvfi.rd_wdata, 0u);
}

// The CSR-after-load probes: the write uses the loaded value, once (NERV writes twice).
TEST(IsaModel, CalibrationProbesCsrWriteSourcedFromALoad) {
  int found = 0;
  for (const CalibrationProbe& p : calibrationSuite()) {
    if (p.name.find("-after-load") == std::string::npos || p.category != "csr") continue;
    ++found;
    IsaModel m({});
    m.loadMemory(p.program.body);
    m.reset();
    for (int i = 0; i < 100 && m.step().insn.op != Op::Ecall;) ++i;
    EXPECT_EQ(m.reg(7), 0u) << p.name;             // t2: mscratch before the write
    EXPECT_EQ(m.reg(30), 0x00ff00ffu) << p.name;   // t5: mscratch after it = the loaded word
  }
  EXPECT_EQ(found, 2);
}

TEST(IsaModel, SelfModifyingCodeIsSeenByTheNextFetch) {
  IsaModel m = runAsm(R"(
    la t0, patch
    lw t1, 0(t0)
    la t2, target
    sw t1, 0(t2)
target:
    li a0, 1
    ecall
patch:
    li a0, 2)");
  EXPECT_EQ(m.reg(10), 2u);
}

TEST(IsaModel, IncoherentFetchOfAStoredWordIsUnpredictable) {
  IsaOptions o;
  o.coherentFetch = false;
  AssembleResult a = assemble("la t0, next\nsw zero, 0(t0)\nnext:\naddi a0, a0, 1\necall");
  ASSERT_TRUE(a.ok());
  IsaModel m(o);
  m.loadMemory(a.words);
  m.reset();
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(m.step().unpredictable);
  EXPECT_TRUE(m.step().unpredictable);
  m.loadMemory(a.words);  // a new test forgets the stores
  m.reset();
  EXPECT_FALSE(m.step().unpredictable);
}

// Every self-check program passes on the model alone (a0 = 0 at the exit ecall, a7 = 93).
TEST(IsaModel, SelfCheckProgramsPass) {
  fs::path dir = fs::path(RTLARENA_SOURCE_DIR) / "designs" / "riscv" / "programs";
  int count = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".S") continue;
    auto text = readFile(e.path());
    ASSERT_TRUE(text.ok());
    AssembleResult a = assemble(*text);
    ASSERT_TRUE(a.ok()) << e.path() << ": " << a.error;
    IsaModel m({});
    m.loadMemory(a.words);
    m.reset();
    bool ended = false;
    int cycleBase = 0;  // a plausible mcycle: 2 cycles per step since the last write, high half 0
    for (int i = 0; i < 2000000 && !ended; ++i) {
      ModelStep s = m.step();
      if (s.csrWrite && (s.insn.csr == csr::kMcycle || s.insn.csr == csr::kMcycleh)) cycleBase = i;
      if (s.rdUnknown)
        m.setReg(s.rvfi.rd_addr, s.insn.csr == csr::kMcycleh ? 0u : static_cast<uint32_t>(2 * (i - cycleBase) + 1));
      ended = s.insn.op == Op::Ecall && m.reg(17) == 93;
    }
    EXPECT_TRUE(ended) << e.path();
    EXPECT_EQ(m.reg(10), 0u) << e.path() << " failed check " << m.reg(10);
    ++count;
  }
  EXPECT_GE(count, 8);
}

}  // namespace
}  // namespace rtlarena::fuzz
