// The formal-equivalence judge: is a candidate design equivalent to the reference at its ports?
// Three verdicts, never more generous than the proof: `equivalent` only when a solver proved it,
// `not_equivalent` only with a counterexample (or an interface that cannot match), `unknown`
// for everything else (bound reached, timeout, unsupported construct), with the reason.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/core/sandbox.h"
#include "rtlarena/eval/verdict.h"
#include "rtlarena/tasks/task.h"

namespace rtlarena::equiv {

enum class EquivVerdict {
  Equivalent,     ///< proved for every input sequence after reset
  NotEquivalent,  ///< a counterexample exists (or the interfaces differ)
  Unknown,        ///< neither was shown; `unknown` is never a pass
};

std::string_view equivVerdictName(EquivVerdict v);

/// One output that differs in the counterexample's last cycle.
struct OutputDiff {
  std::string output;     ///< port name
  std::string reference;  ///< binary value, MSB first ('x' where the reference is undefined)
  std::string candidate;
};

struct Counterexample {
  /// Input values per cycle from cycle 0 (the reset cycle), port name -> binary MSB first.
  std::vector<std::map<std::string, std::string>> inputs;
  int cycle = 0;  ///< the cycle whose outputs differ (0-based; the last entry of `inputs`)
  std::vector<OutputDiff> outputs;
};

struct EquivOptions {
  /// Largest induction length and depth of the bounded check from reset, in cycles.
  int bound = 20;
  /// Wall time for all tool runs of one check together.
  std::chrono::milliseconds timeout{60000};
  SandboxConfig sandbox;       ///< the candidate may be model-written: tools run sandboxed
  std::string workRoot;        ///< where the job dir is made (default: system temp)
  bool keepJobDir = false;
  std::uint64_t memoryBytes = 4ull << 30;  ///< address space of each tool process
  /// Name of the reset input; empty = found by name (see resetInput()); "-" = none.
  std::string reset;
  /// Polarity of a named `reset`; unset: from the name (see resetInput()), active high when
  /// the name is not a known one.
  std::optional<bool> resetActiveLow;
};

struct EquivResult {
  EquivVerdict verdict = EquivVerdict::Unknown;
  std::string reason;   ///< one line: how it was proved, or why not
  std::string engine;   ///< "abc-cec" | "yosys-sat" | "yosys-sat-induction" | ""
  bool sequential = false;
  std::string reset;    ///< the reset input that was asserted in cycle 0 ("" = none)
  bool resetActiveLow = false;
  /// Cycles after reset covered: the induction length of a proof, the depth of the bounded
  /// check behind an `unknown` (0 when nothing was checked).
  int bound = 0;
  std::optional<Counterexample> counterexample;
  std::string logTail;  ///< the last lines of the tool logs, temp paths scrubbed
  double seconds = 0;

  bool equivalent() const { return verdict == EquivVerdict::Equivalent; }
};

/// Checks `candidate` (top module `candTop`) against `reference` (top `refTop`). Error only when
/// rtlarena failed (cannot make a temp dir, cannot spawn Yosys); a design Yosys rejects, a
/// timeout or an unsupported construct is an `unknown` result.
Result<EquivResult> judgeEquivalence(const std::string& reference, const std::string& refTop,
                                     const std::string& candidate, const std::string& candTop,
                                     const EquivOptions& options);

/// The reference of a task as judge input: the reference (refTop), or the golden candidate
/// (top) when the task has no separate reference.
std::pair<std::string, std::string> taskReference(const Task& task);

/// The judge checking itself on one task: the reference against itself must be `equivalent`,
/// each bad variant must not be.
struct SelfCheck {
  EquivResult self;
  std::vector<std::pair<std::string, EquivResult>> bad;  ///< bad variant name -> result
  bool ok = false;       ///< self is equivalent and no bad variant is
  std::string problem;   ///< what failed, when !ok
};
Result<SelfCheck> selfCheck(const Task& task, const EquivOptions& options);

/// The reset input among `inputs`, found as the task's testbench would drive it: by name
/// (`reset`, `rst`, `areset`, `rst_n`, `resetn`, `nreset`, `aresetn`, ... case-insensitive, an
/// `_i` suffix ignored). Empty when no input looks like a reset. `activeLow` is set for names
/// ending in `n`/`_n`/`_b` after rst/reset, or starting with `n`.
/// A judge's result as a verdict of its own (`--judge`): `equivalent` is the only pass;
/// `not_equivalent` (message: the counterexample's differing outputs) and `unknown` (message:
/// why) are mismatches of those classes.
Evaluation asEvaluation(const EquivResult& result);
/// "cycle 3: q ref 0101 cand 0111".
std::string describeCounterexample(const Counterexample& cex);

std::string resetInput(const std::vector<std::string>& inputs, bool* activeLow);

}  // namespace rtlarena::equiv
