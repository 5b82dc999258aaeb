// RV32IM + Zicsr machine-mode semantics (unprivileged spec 20191213, privileged 20211203).
// Every choice the spec leaves to the implementation is read from IsaOptions, never guessed.
#include "rtlarena/fuzz/isa_model.h"

#include <algorithm>

namespace rtlarena::fuzz {

namespace {
uint32_t sizeMask(unsigned bytes) { return bytes == 4 ? 0xfu : bytes == 2 ? 0x3u : 0x1u; }
unsigned accessBytes(Op op) {
  switch (op) {
    case Op::Lw:
    case Op::Sw: return 4;
    case Op::Lh:
    case Op::Lhu:
    case Op::Sh: return 2;
    default: return 1;
  }
}
bool isNondeterministicCsr(uint16_t a) {
  return a == csr::kMcycle || a == csr::kMcycleh || a == csr::kCycle || a == csr::kCycleh ||
         a == csr::kTime || a == csr::kTimeh;
}
}  // namespace

IsaModel::IsaModel(IsaOptions options)
    : options_(std::move(options)),
      mem_(std::max<uint32_t>(options_.memBytes, 4) / 4, 0),
      stored_(options_.coherentFetch ? 0 : mem_.size(), 0),
      memMask_(std::max<uint32_t>(options_.memBytes, 4) - 1) {
  reset();
}

void IsaModel::reset() {
  pc_ = options_.resetPc;
  std::fill(std::begin(x_), std::end(x_), 0);
  mie_ = mpie_ = false;
  mtvec_ = options_.mtvecReset;
  mscratch_ = mepc_ = mcause_ = mtval_ = mieReg_ = mipReg_ = 0;
  minstret_ = order_ = retired_ = 0;
  lastTrapped_ = false;
}

void IsaModel::loadMemory(const std::vector<uint32_t>& image) {
  if (!options_.coherentFetch) {
    if (stored_.size() != mem_.size()) stored_.assign(mem_.size(), 0);
    for (uint32_t w : storedList_) stored_[w] = 0;
    storedList_.clear();
  }
  std::fill(mem_.begin(), mem_.end(), 0);
  std::copy_n(image.begin(), std::min(image.size(), mem_.size()), mem_.begin());
}

void IsaModel::setReg(unsigned i, uint32_t value) {
  if ((i & 31) != 0) x_[i & 31] = value;
}

uint32_t IsaModel::loadWord(uint32_t addr) const { return mem_[(addr & memMask_) >> 2]; }

uint8_t IsaModel::loadByte(uint32_t addr) const {
  addr &= memMask_;
  return static_cast<uint8_t>(mem_[addr >> 2] >> ((addr & 3) * 8));
}

void IsaModel::storeByte(uint32_t addr, uint8_t value) {
  addr &= memMask_;
  uint32_t& w = mem_[addr >> 2];
  if (!options_.coherentFetch && !stored_[addr >> 2]) {
    stored_[addr >> 2] = 1;
    storedList_.push_back(addr >> 2);
  }
  const unsigned sh = (addr & 3) * 8;
  w = (w & ~(0xffu << sh)) | (static_cast<uint32_t>(value) << sh);
}

void IsaModel::writeRd(ModelStep& s, unsigned rd, uint32_t value) {
  s.rvfi.rd_addr = static_cast<uint8_t>(rd);
  s.rvfi.rd_wdata = rd == 0 ? 0 : value;
  if (rd != 0) x_[rd] = value;
}

void IsaModel::trap(ModelStep& s, TrapCause cause, uint32_t tval) {
  s.cause = cause;
  s.rvfi.trap = 1;
  s.rvfi.rd_addr = 0;
  s.rvfi.rd_wdata = 0;
  s.rvfi.mem_rmask = s.rvfi.mem_wmask = 0;
  s.rvfi.mem_addr = s.rvfi.mem_rdata = s.rvfi.mem_wdata = 0;
  if (options_.traps == TrapPolicy::Halt) {
    s.halted = true;
    s.rvfi.pc_wdata = pc_;
    return;
  }
  mepc_ = pc_;
  mcause_ = static_cast<uint32_t>(cause);
  mtval_ = tval;
  mpie_ = mie_;
  mie_ = false;
  s.rvfi.pc_wdata = mtvec_ & ~3u;
}

uint32_t IsaModel::jumpToTrapVector(TrapCause cause) {
  mepc_ = pc_;
  mcause_ = static_cast<uint32_t>(cause);
  mpie_ = mie_;
  mie_ = false;
  return mtvec_ & ~3u;
}

IsaModel::CsrAccess IsaModel::csrRead(uint16_t a) const {
  CsrAccess r;
  if (!options_.csrs.count(a)) return r;
  r.legal = true;
  if (isNondeterministicCsr(a) ||
      (options_.minstretUnpredictable && (a == csr::kMinstret || a == csr::kMinstreth ||
                                          a == csr::kInstret || a == csr::kInstreth))) {
    r.unknown = true;
    return r;
  }
  switch (a) {
    case csr::kMstatus: r.value = (3u << 11) | (mpie_ ? 0x80u : 0) | (mie_ ? 0x8u : 0); break;
    case csr::kMie: r.value = mieReg_; break;
    case csr::kMip: r.value = mipReg_; break;
    case csr::kMtvec: r.value = mtvec_; break;
    case csr::kMscratch: r.value = mscratch_; break;
    case csr::kMepc: r.value = mepc_; break;
    case csr::kMcause: r.value = mcause_; break;
    case csr::kMtval: r.value = mtval_; break;
    case csr::kMinstret:
    case csr::kInstret: r.value = static_cast<uint32_t>(minstret_ + options_.instretReadOffset); break;
    case csr::kMinstreth:
    case csr::kInstreth: r.value = static_cast<uint32_t>((minstret_ + options_.instretReadOffset) >> 32); break;
    default: {
      auto it = options_.csrValues.find(a);
      r.value = it == options_.csrValues.end() ? 0 : it->second;
    }
  }
  return r;
}

void IsaModel::csrWrite(uint16_t a, uint32_t v) {
  switch (a) {
    case csr::kMstatus:
      mie_ = (v >> 3) & 1;
      mpie_ = (v >> 7) & 1;
      break;
    case csr::kMie: mieReg_ = v & options_.mieMask; break;
    case csr::kMip: mipReg_ = v & options_.mipMask; break;
    case csr::kMtvec: mtvec_ = v & options_.mtvecMask; break;
    case csr::kMscratch: mscratch_ = v; break;
    case csr::kMepc: mepc_ = v & ~3u; break;
    case csr::kMcause: mcause_ = v & options_.mcauseMask; break;
    case csr::kMtval: mtval_ = v; break;
    case csr::kMinstret: minstret_ = (minstret_ & 0xffffffff00000000ull) | v; break;
    case csr::kMinstreth:
      minstret_ = (minstret_ & 0xffffffffull) | (static_cast<uint64_t>(v) << 32);
      break;
    default: break;  // WARL constants (misa, ...) and the unpredictable counters ignore writes
  }
}

void IsaModel::execCsr(const Decoded& d, ModelStep& s) {
  const bool imm = d.op >= Op::Csrrwi;
  const uint32_t src = imm ? d.rs1 : x_[d.rs1];
  const bool isWrite = d.op == Op::Csrrw || d.op == Op::Csrrwi || d.rs1 != 0;
  const bool readOnly = ((d.csr >> 10) & 3) == 3 || options_.readOnlyCsrs.count(d.csr) > 0;
  CsrAccess old = csrRead(d.csr);
  const bool formOk = !options_.csrReadsOnlyCsrrsX0 || (d.op == Op::Csrrs && d.rs1 == 0);
  if (!old.legal || !formOk || (readOnly && isWrite)) {
    trap(s, TrapCause::IllegalInsn, options_.mtvalIllegalInsn ? d.word : 0);
    return;
  }
  uint32_t next = src;
  if (d.op == Op::Csrrs || d.op == Op::Csrrsi) next = old.value | src;
  if (d.op == Op::Csrrc || d.op == Op::Csrrci) next = old.value & ~src;
  writeRd(s, d.rd, old.value);
  s.rdUnknown = old.unknown && d.rd != 0;
  if (isWrite) {
    csrWrite(d.csr, next);
    s.csrWrite = true;
  }
}

void IsaModel::execLoad(const Decoded& d, ModelStep& s) {
  const uint32_t addr = x_[d.rs1] + static_cast<uint32_t>(d.imm);
  const unsigned n = accessBytes(d.op);
  if (options_.misaligned == MisalignedPolicy::Trap && (addr & (n - 1)) != 0) {
    trap(s, TrapCause::LoadMisaligned, options_.mtvalMisalignedAddr ? addr : 0);
    return;
  }
  uint32_t raw = 0;
  for (unsigned i = 0; i < n; ++i) raw |= static_cast<uint32_t>(loadByte(addr + i)) << (8 * i);
  uint32_t v = raw;
  if (d.op == Op::Lb) v = static_cast<uint32_t>(static_cast<int32_t>(raw << 24) >> 24);
  if (d.op == Op::Lh) v = static_cast<uint32_t>(static_cast<int32_t>(raw << 16) >> 16);
  s.rvfi.mem_addr = addr;
  s.rvfi.mem_rmask = static_cast<uint8_t>(sizeMask(n));
  s.rvfi.mem_rdata = raw;
  writeRd(s, d.rd, v);
}

void IsaModel::execStore(const Decoded& d, ModelStep& s) {
  const uint32_t addr = x_[d.rs1] + static_cast<uint32_t>(d.imm);
  const unsigned n = accessBytes(d.op);
  if (options_.misaligned == MisalignedPolicy::Trap && (addr & (n - 1)) != 0) {
    trap(s, TrapCause::StoreMisaligned, options_.mtvalMisalignedAddr ? addr : 0);
    return;
  }
  const uint32_t data = x_[d.rs2];
  for (unsigned i = 0; i < n; ++i) storeByte(addr + i, static_cast<uint8_t>(data >> (8 * i)));
  s.rvfi.mem_addr = addr;
  s.rvfi.mem_wmask = static_cast<uint8_t>(sizeMask(n));
  s.rvfi.mem_wdata = n == 4 ? data : data & ((1u << (8 * n)) - 1);
}

ModelStep IsaModel::step() {
  ModelStep s;
  const uint32_t pc = pc_;
  const Decoded d = decode(loadWord(pc));
  s.insn = d;
  s.rdReportIgnored = !options_.rdReportIgnored.empty() && options_.rdReportIgnored.count(d.op) > 0;
  if (!options_.coherentFetch && stored_[(pc & memMask_) >> 2]) s.unpredictable = true;
  Rvfi& r = s.rvfi;
  r.valid = 1;
  r.order = order_++;
  r.insn = d.word;
  r.pc_rdata = pc;
  r.mode = 3;
  r.ixl = 1;
  r.intr = lastTrapped_ ? 1 : 0;
  const uint32_t a = x_[d.rs1], b = x_[d.rs2];
  if (readsRs1(d.op)) r.rs1_addr = d.rs1, r.rs1_rdata = a;
  if (readsRs2(d.op)) r.rs2_addr = d.rs2, r.rs2_rdata = b;
  const uint32_t imm = static_cast<uint32_t>(d.imm);
  const auto sa = static_cast<int32_t>(a), sb = static_cast<int32_t>(b);
  uint32_t next = pc + 4;
  bool instretWritten = false;

  auto jumpTo = [&](uint32_t target) {
    if (target & 3) {
      trap(s, TrapCause::InsnMisaligned, options_.mtvalMisalignedAddr ? target : 0);
      return false;
    }
    next = target;
    return true;
  };
  auto branch = [&](bool taken) {
    if (taken) jumpTo(pc + imm);
  };
  auto mul64 = [](int64_t x, int64_t y) { return static_cast<uint32_t>(static_cast<uint64_t>(x * y) >> 32); };

  const bool mOk = options_.mExtension;
  switch (d.op) {
    case Op::Lui: writeRd(s, d.rd, imm); break;
    case Op::Auipc: writeRd(s, d.rd, pc + imm); break;
    case Op::Jal:
      if (jumpTo(pc + imm)) writeRd(s, d.rd, pc + 4);
      break;
    case Op::Jalr:
      if (jumpTo((a + imm) & ~1u)) writeRd(s, d.rd, pc + 4);
      break;
    case Op::Beq: branch(a == b); break;
    case Op::Bne: branch(a != b); break;
    case Op::Blt: branch(sa < sb); break;
    case Op::Bge: branch(sa >= sb); break;
    case Op::Bltu: branch(a < b); break;
    case Op::Bgeu: branch(a >= b); break;
    case Op::Lb: case Op::Lh: case Op::Lw: case Op::Lbu: case Op::Lhu: execLoad(d, s); break;
    case Op::Sb: case Op::Sh: case Op::Sw: execStore(d, s); break;
    case Op::Addi: writeRd(s, d.rd, a + imm); break;
    case Op::Slti: writeRd(s, d.rd, sa < d.imm); break;
    case Op::Sltiu: writeRd(s, d.rd, a < imm); break;
    case Op::Xori: writeRd(s, d.rd, a ^ imm); break;
    case Op::Ori: writeRd(s, d.rd, a | imm); break;
    case Op::Andi: writeRd(s, d.rd, a & imm); break;
    case Op::Slli: writeRd(s, d.rd, a << (imm & 31)); break;
    case Op::Srli: writeRd(s, d.rd, a >> (imm & 31)); break;
    case Op::Srai: writeRd(s, d.rd, static_cast<uint32_t>(sa >> (imm & 31))); break;
    case Op::Add: writeRd(s, d.rd, a + b); break;
    case Op::Sub: writeRd(s, d.rd, a - b); break;
    case Op::Sll: writeRd(s, d.rd, a << (b & 31)); break;
    case Op::Slt: writeRd(s, d.rd, sa < sb); break;
    case Op::Sltu: writeRd(s, d.rd, a < b); break;
    case Op::Xor: writeRd(s, d.rd, a ^ b); break;
    case Op::Srl: writeRd(s, d.rd, a >> (b & 31)); break;
    case Op::Sra: writeRd(s, d.rd, static_cast<uint32_t>(sa >> (b & 31))); break;
    case Op::Or: writeRd(s, d.rd, a | b); break;
    case Op::And: writeRd(s, d.rd, a & b); break;
    case Op::Mul: case Op::Mulh: case Op::Mulhsu: case Op::Mulhu:
    case Op::Div: case Op::Divu: case Op::Rem: case Op::Remu: {
      if (!mOk) {
        trap(s, TrapCause::IllegalInsn, options_.mtvalIllegalInsn ? d.word : 0);
        break;
      }
      const bool ovf = a == 0x80000000u && b == 0xffffffffu;
      uint32_t v = 0;
      switch (d.op) {
        case Op::Mul: v = a * b; break;
        case Op::Mulh: v = mul64(sa, sb); break;
        case Op::Mulhsu: v = mul64(sa, static_cast<int64_t>(b)); break;
        case Op::Mulhu: v = static_cast<uint32_t>((static_cast<uint64_t>(a) * b) >> 32); break;
        case Op::Div: v = b == 0 ? 0xffffffffu : ovf ? a : static_cast<uint32_t>(sa / sb); break;
        case Op::Divu: v = b == 0 ? 0xffffffffu : a / b; break;
        case Op::Rem: v = b == 0 ? a : ovf ? 0 : static_cast<uint32_t>(sa % sb); break;
        default: v = b == 0 ? a : a % b; break;
      }
      writeRd(s, d.rd, v);
      break;
    }
    case Op::Fence:
      if (options_.fenceIllegal) trap(s, TrapCause::IllegalInsn, options_.mtvalIllegalInsn ? d.word : 0);
      break;
    case Op::FenceI:
      if (options_.fenceI == FenceIPolicy::Illegal)
        trap(s, TrapCause::IllegalInsn, options_.mtvalIllegalInsn ? d.word : 0);
      break;
    case Op::Wfi:
      if (options_.wfi == WfiPolicy::Illegal)
        trap(s, TrapCause::IllegalInsn, options_.mtvalIllegalInsn ? d.word : 0);
      break;
    case Op::Ecall:
    case Op::Ebreak:
      if (options_.ecallEbreakJump) {
        next = jumpToTrapVector(d.op == Op::Ecall ? TrapCause::EcallM : TrapCause::Breakpoint);
        break;
      }
      if (d.op == Op::Ecall) trap(s, TrapCause::EcallM, 0);
      else trap(s, TrapCause::Breakpoint, options_.mtvalEbreakPc ? pc : 0);
      break;
    case Op::Mret:
      // a core whose traps halt has no mret unless it has mepc to return to
      if (options_.traps == TrapPolicy::Halt && !options_.csrs.count(csr::kMepc)) {
        trap(s, TrapCause::IllegalInsn, options_.mtvalIllegalInsn ? d.word : 0);
        break;
      }
      next = mepc_;
      mie_ = mpie_;
      mpie_ = true;
      break;
    case Op::Csrrw: case Op::Csrrs: case Op::Csrrc:
    case Op::Csrrwi: case Op::Csrrsi: case Op::Csrrci:
      execCsr(d, s);
      instretWritten = s.csrWrite && (d.csr == csr::kMinstret || d.csr == csr::kMinstreth);
      break;
    default: trap(s, TrapCause::IllegalInsn, options_.mtvalIllegalInsn ? d.word : 0); break;
  }

  if (r.trap) {
    if (!s.halted) pc_ = r.pc_wdata;
    if (options_.minstretCountsTraps) ++minstret_;
  } else {
    r.pc_wdata = next;
    pc_ = next;
    if (!instretWritten) ++minstret_;
  }
  lastTrapped_ = r.trap != 0;
  ++retired_;
  return s;
}

}  // namespace rtlarena::fuzz
