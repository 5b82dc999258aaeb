// The formal assertion checker: design + property files in, one verdict per
// assertion out. `rtlarena check` is a thin wrapper around checkAssertions().
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/core/sandbox.h"
#include "rtlarena/formal/formal_report.h"
#include "rtlarena/tasks/task.h"

namespace rtlarena::formal {

/// How the reset is treated. Given or inferred, it is held active in the first
/// cycle and inactive afterwards (the first cycle is not checked); None leaves
/// the initial state free.
struct ResetChoice {
  enum class Mode { Infer, Given, None };
  Mode mode = Mode::Infer;
  std::string name;    ///< Given: the top-level input
  int activeHigh = -1; ///< 1 high, 0 low, -1 from the name (`rst_n` is low)
};

struct CheckRequest {
  std::vector<SourceFile>
      design;      ///< the design files (name as shown in messages)
  std::string top; ///< the design's top module
  std::vector<SourceFile>
      props; ///< property files: bind-style checker modules or bare assertions
  std::string clock; ///< empty: inferred from the top's inputs
  ResetChoice reset;
  /// Every assertion and assumption judges attempts from the same first cycle
  /// (the latest any of them needs for its `$past` history), so that two
  /// properties compared by assuming one and proving the other speak of the
  /// same attempts.
  bool alignAttempts = false;
  /// When set, only these assertions are proven (0-based positions among the reported
  /// assertions, in source order); the others stay out of the model and are reported
  /// `undetermined` with "not checked". Mutation scoring uses it to prove on each mutant only
  /// what was proven on the design.
  std::optional<std::set<int>> onlyAssertions;
};

struct CheckOptions {
  double assertionSeconds =
      20;                    ///< budget per assertion (proof and vacuity probe)
  double yosysSeconds = 120; ///< deadline of each Yosys run
  int bmcFrames =
      30; ///< bound of the quick bounded search (and of `undetermined`)
  unsigned jobs = 2; ///< assertions proven in parallel
  SandboxConfig sandbox;
  std::string
      traceDir; ///< where counterexample VCDs are copied; empty: no traces
  std::string
      workRoot; ///< parent of the job directory (default: the system temp dir)
  bool keepJobDir =
      false; ///< leave the job directory (scripts, models, logs) behind
  std::string yosys = "yosys";
  std::string abc = "yosys-abc";
  std::string smtbmc = "yosys-smtbmc";
};

/// Checks every assertion. Error only for what is not a verdict: the top module
/// is missing, the design itself does not elaborate, a tool cannot be started,
/// files cannot be written.
Result<CheckReport> checkAssertions(const CheckRequest &request,
                                    const CheckOptions &options);

} // namespace rtlarena::formal
