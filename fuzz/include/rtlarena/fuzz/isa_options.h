// What the ISA model must know about one core: its reset state and memory, and the
// legitimate implementation choices the spec leaves open (which CSRs exist, misaligned
// accesses, what traps do, mtval contents). Filled from the "tolerances" of a core.json
// (core_config.h); the defaults are those of rtlarena's own cores.
#pragma once

#include <cstdint>
#include <map>
#include <set>

#include "rtlarena/fuzz/decode.h"

namespace rtlarena::fuzz {

enum class MisalignedPolicy { Trap, Support };
/// Vector: synchronous exceptions go to mtvec (the spec). Halt: the core stops at the
/// first trap (cores without machine-mode CSRs, e.g. PicoRV32); the test ends there.
enum class TrapPolicy { Vector, Halt };
enum class FenceIPolicy { Nop, Illegal };
enum class WfiPolicy { Nop, Illegal };

/// CSR addresses the model understands (machine mode, RV32).
namespace csr {
inline constexpr uint16_t kMstatus = 0x300, kMisa = 0x301, kMie = 0x304, kMtvec = 0x305,
                          kMscratch = 0x340, kMepc = 0x341, kMcause = 0x342, kMtval = 0x343,
                          kMip = 0x344, kMcycle = 0xb00, kMinstret = 0xb02, kMcycleh = 0xb80,
                          kMinstreth = 0xb82, kCycle = 0xc00, kTime = 0xc01, kInstret = 0xc02,
                          kCycleh = 0xc80, kTimeh = 0xc81, kInstreth = 0xc82,
                          kMvendorid = 0xf11, kMarchid = 0xf12, kMimpid = 0xf13,
                          kMhartid = 0xf14;
}  // namespace csr

struct IsaOptions {
  uint32_t resetPc = 0;
  uint32_t mtvecReset = 0x100;
  uint32_t memBytes = 65536;  ///< memory size; addresses wrap modulo this (a power of two)
  bool mExtension = true;
  MisalignedPolicy misaligned = MisalignedPolicy::Trap;
  TrapPolicy traps = TrapPolicy::Vector;
  FenceIPolicy fenceI = FenceIPolicy::Illegal;
  WfiPolicy wfi = WfiPolicy::Nop;
  bool minstretCountsTraps = false;
  /// minstret/minstreth reads are unpredictable (a core counting something other than
  /// retirements, e.g. NERV counts the extra cycle of a load): the model takes the core's value.
  bool minstretUnpredictable = false;
  /// ecall and ebreak are executed as jumps to mtvec (mepc, mcause, MPIE/MIE set as by a
  /// trap, mtval kept) that RVFI reports without rvfi_trap, whatever `traps` says (NERV).
  bool ecallEbreakJump = false;
  /// A fetch sees earlier stores (else a fetch of a word stored during the test is
  /// unpredictable, e.g. PicoRV32 prefetches the next instruction before a store completes).
  bool coherentFetch = true;
  bool fenceIllegal = false;        ///< FENCE traps (cores that do not implement it)
  /// CSRs are readable only as `csrrs rd, csr, x0` (rdcycle-style); other forms trap.
  bool csrReadsOnlyCsrrsX0 = false;
  uint32_t instretReadOffset = 0;   ///< added to instret reads (cores counting the reader)
  bool mtvalIllegalInsn = true;     ///< mtval = the instruction word (else 0)
  bool mtvalEbreakPc = true;        ///< mtval = pc on ebreak (else 0)
  bool mtvalMisalignedAddr = true;  ///< mtval = faulting address / jump target (else 0)
  /// Implemented CSRs; any other address raises an illegal-instruction trap.
  std::set<uint16_t> csrs = {csr::kMstatus,   csr::kMisa,    csr::kMie,      csr::kMtvec,
                             csr::kMscratch,  csr::kMepc,    csr::kMcause,   csr::kMtval,
                             csr::kMip,       csr::kMcycle,  csr::kMinstret, csr::kMcycleh,
                             csr::kMinstreth, csr::kMvendorid, csr::kMarchid, csr::kMimpid,
                             csr::kMhartid};
  /// CSRs at read/write addresses that the core implements read-only: reads are legal, every
  /// write form traps (e.g. NERV's read-only-zero mhpmcounter/mhpmevent). Also in `csrs`.
  std::set<uint16_t> readOnlyCsrs;
  /// Values of constant CSRs (misa, the ids); absent constant CSRs read 0.
  std::map<uint16_t, uint32_t> csrValues = {{csr::kMisa, 0x40001100}};
  /// Operations whose RVFI rd report is not compared when the ISA writes no register (e.g. a
  /// core that reports a write for a fence with a non-zero rd field). The model's registers
  /// are left as the ISA says, so a register that really changed diverges at its next read.
  std::set<Op> rdReportIgnored;
  /// Writable bits of mie/mip (0: no interrupts implemented) and of mtvec (mode bits).
  uint32_t mieMask = 0, mipMask = 0, mtvecMask = 0xfffffffc, mcauseMask = 0xffffffff;
};

}  // namespace rtlarena::fuzz
