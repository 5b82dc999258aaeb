// The golden model: an RV32IM + Zicsr machine-mode hart with a flat memory, stepped one
// instruction at a time. In: a memory image and IsaOptions. Out: per step, the retirement
// the core must report on RVFI (plus what lockstep and coverage need to know about it).
#pragma once

#include <cstdint>
#include <vector>

#include "rtlarena/fuzz/decode.h"
#include "rtlarena/fuzz/isa_options.h"
#include "rtlarena/fuzz/rvfi.h"

namespace rtlarena::fuzz {

/// Exception causes (mcause values) the model raises.
enum class TrapCause : uint32_t {
  InsnMisaligned = 0,
  IllegalInsn = 2,
  Breakpoint = 3,
  LoadMisaligned = 4,
  StoreMisaligned = 6,
  EcallM = 11,
  None = 0xffffffff,
};

/// One executed instruction.
struct ModelStep {
  Rvfi rvfi{};              ///< the retirement the core must report
  Decoded insn;
  TrapCause cause = TrapCause::None;
  /// rd_wdata cannot be predicted (a read of mcycle, time, ...): lockstep takes the core's
  /// value and writes it back into the model with setReg().
  bool rdUnknown = false;
  bool rdReportIgnored = false;  ///< IsaOptions::rdReportIgnored names this operation
  bool csrWrite = false;    ///< a CSR was written (for CSR-transition coverage)
  bool halted = false;      ///< TrapPolicy::Halt and this instruction trapped
  /// The fetched word was stored during the test and fetch is not coherent: what the core
  /// executes is unpredictable, so the test ends here without a verdict.
  bool unpredictable = false;
};

class IsaModel {
 public:
  explicit IsaModel(IsaOptions options);

  /// Registers and CSRs to their reset values, pc to resetPc. Memory is kept.
  void reset();
  /// Replaces the whole memory (image.size() may be smaller; the rest is zero).
  void loadMemory(const std::vector<uint32_t>& image);

  /// Executes the instruction at pc and returns its retirement.
  ModelStep step();

  uint32_t pc() const { return pc_; }
  uint32_t reg(unsigned i) const { return x_[i & 31]; }
  void setReg(unsigned i, uint32_t value);
  uint32_t loadWord(uint32_t addr) const;
  const std::vector<uint32_t>& memory() const { return mem_; }
  uint64_t retired() const { return retired_; }
  const IsaOptions& options() const { return options_; }
  uint32_t mcause() const { return mcause_; }
  uint32_t mtvec() const { return mtvec_; }

 private:
  struct CsrAccess {
    bool legal = false;
    bool unknown = false;
    uint32_t value = 0;
  };
  CsrAccess csrRead(uint16_t addr) const;
  void csrWrite(uint16_t addr, uint32_t value);
  void execCsr(const Decoded& d, ModelStep& s);
  void execLoad(const Decoded& d, ModelStep& s);
  void execStore(const Decoded& d, ModelStep& s);
  void trap(ModelStep& s, TrapCause cause, uint32_t tval);
  /// The trap state of ecall/ebreak on a core that executes them as jumps (ecallEbreakJump);
  /// returns the target.
  uint32_t jumpToTrapVector(TrapCause cause);
  uint8_t loadByte(uint32_t addr) const;
  void storeByte(uint32_t addr, uint8_t value);
  void writeRd(ModelStep& s, unsigned rd, uint32_t value);

  IsaOptions options_;
  std::vector<uint32_t> mem_;
  std::vector<uint8_t> stored_;        // words written since loadMemory (incoherent fetch only)
  std::vector<uint32_t> storedList_;
  uint32_t memMask_;  // byte-address mask (memBytes - 1)
  uint32_t pc_ = 0;
  uint32_t x_[32] = {};
  bool mie_ = false, mpie_ = false;
  uint32_t mtvec_ = 0, mscratch_ = 0, mepc_ = 0, mcause_ = 0, mtval_ = 0, mieReg_ = 0, mipReg_ = 0;
  uint64_t minstret_ = 0;
  uint64_t order_ = 0;
  uint64_t retired_ = 0;
  bool lastTrapped_ = false;
};

}  // namespace rtlarena::fuzz
