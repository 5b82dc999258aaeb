// The unmutated core beside a mutant. A mutant built by `fuzz inject` shares its DUT build
// with the original (mutation select 0), so a program can be rerun on the original by
// recreating the model with select 0. A mutant's divergence from the ISA model counts only
// where the original does not diverge the same way (same retirement, same signature): on a
// core with a real deviation of its own, that deviation is not the mutant's doing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rtlarena/fuzz/lockstep.h"
#include "rtlarena/fuzz/program.h"
#include "rtlarena/fuzz/runner.h"

namespace rtlarena::fuzz {

class Dut;
struct CoreConfig;

/// The outcome of one program: its first divergence from the ISA model, or none.
using Outcome = std::optional<Divergence>;

/// Same retirement and same signature.
bool sameDivergence(const Divergence& a, const Divergence& b);

/// Both without a divergence, or the same divergence.
bool sameOutcome(const Outcome& a, const Outcome& b);

/// Whether the mutant's outcome is its own: it diverges, and the original's outcome on the
/// same program is not the same divergence.
bool mutantOwnDivergence(const Outcome& mutant, const Outcome& original);

/// The plusargs with the mutation select set to 0 (added when absent).
std::vector<std::string> originalPlusargs(const std::vector<std::string>& mutantPlusargs);

class OriginalCore {
 public:
  /// `dut` runs the mutant with `mutantPlusargs`; `options` as the mutant's runner has them
  /// (coverage is switched off for the original's runs).
  OriginalCore(Dut& dut, const CoreConfig& core, const Layout& layout, RunnerOptions options,
               std::vector<std::string> mutantPlusargs);

  /// Runs a framed program (or a whole image) on the original, then puts the mutant back.
  Outcome run(const Program& program);
  Outcome runImage(const std::vector<uint32_t>& image);

  /// True when the original shows `mutant`'s divergence on `program` too.
  bool shares(const Program& program, const Divergence& mutant);

 private:
  template <class F>
  Outcome onOriginal(F&& runOnce);
  Dut& dut_;
  const CoreConfig& core_;
  Layout layout_;
  RunnerOptions options_;
  std::vector<std::string> mutantPlusargs_;
};

}  // namespace rtlarena::fuzz
