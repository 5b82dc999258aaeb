// Runs one test on a loaded DUT: load the image into the DUT and the model, reset, clock
// until the program ends (ecall, ebreak, a halt) or a limit, compare every retirement with
// the model, and collect the coverage points hit. No files, no processes: microseconds.
#pragma once

#include <optional>
#include <vector>

#include "rtlarena/fuzz/core_config.h"
#include "rtlarena/fuzz/dut.h"
#include "rtlarena/fuzz/isa_model.h"
#include "rtlarena/fuzz/lockstep.h"
#include "rtlarena/fuzz/model_coverage.h"
#include "rtlarena/fuzz/program.h"

namespace rtlarena::fuzz {

enum class EndReason { Ecall, Ebreak, Halt, RetireLimit, CycleLimit, Stall, Divergence, Unpredictable };
std::string_view endReasonName(EndReason r);

struct RunnerOptions {
  bool lockstep = true;
  bool rtlCoverage = true;    ///< read the DUT's counters
  bool modelCoverage = true;  ///< harness-side points (needs lockstep)
  uint32_t maxRetire = 1000;  ///< a looping test is cut here (a test is ~30 instructions)
  uint32_t maxCycles = 100000;
  uint32_t stallCycles = 2000;  ///< cycles without a retirement before the core counts as hung
  bool keepTrace = false;       ///< record every retirement (replay, minimization)
  /// Self-check programs (docs/CORE_ADAPTER.md): end at the first ecall while a7 == 93
  /// (other ecalls and ebreaks trap to the program's own handler), instead of any ecall.
  bool selfCheckExit = false;
  CompareOptions compare;
};

struct TraceEntry {
  Rvfi actual{};
  Rvfi expected{};
};

struct TestResult {
  EndReason end = EndReason::Ecall;
  uint64_t cycles = 0;
  uint64_t retired = 0;
  std::optional<Divergence> divergence;
  std::vector<uint32_t> hits;  ///< coverage points hit: RTL counters first, then model points
  std::vector<TraceEntry> trace;
  uint32_t a0 = 0;  ///< x10 at the end, as the core reported it (self-check result)
};

class Runner {
 public:
  Runner(Dut& dut, const CoreConfig& core, const Layout& layout, RunnerOptions options);

  TestResult run(const Program& program);
  /// Runs a whole memory image (e.g. an assembled self-check program) instead of a framed
  /// program.
  TestResult runImage(const std::vector<uint32_t>& image);

  const Layout& layout() const { return layout_; }
  const RunnerOptions& options() const { return options_; }
  unsigned rtlPoints() const { return options_.rtlCoverage ? dut_.coverCount() : 0; }
  unsigned totalPoints() const { return rtlPoints() + (modelCoverageOn() ? kModelPoints : 0); }
  /// Zeroes the DUT's coverage counters (after a test that was not read).
  void clearCoverage();

 private:
  bool modelCoverageOn() const { return options_.modelCoverage && options_.lockstep; }
  Dut& dut_;
  CoreConfig core_;
  Layout layout_;
  RunnerOptions options_;
  IsaModel model_;
  std::vector<uint32_t> frame_, image_;
  ModelCoverage modelCov_;
};

}  // namespace rtlarena::fuzz
