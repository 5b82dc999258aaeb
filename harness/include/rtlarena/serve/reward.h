// The reward of one answer, shaped from the native verdict (and, for a pass,
// the PPA score):
//   format (code was extracted) → syntax (it compiles) → function (partial
//   credit from the share of testbench samples that match; full credit only on
//   a pass) → PPA bonus (a pass only).
// Pure arithmetic over what the evaluator already decided, so a reward can
// never say more than the verdict does. Weights and shaping come from the
// [reward] table of a TOML file (docs/SERVE.md gives the defaults and why).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "rtlarena/core/result.h"
#include "rtlarena/eval/differential.h"
#include "rtlarena/eval/verdict.h"

namespace rtlarena {

/// What decides the function component ([function] judge): the task's testbench, differential
/// random simulation against the reference, or a formal-equivalence proof.
enum class FunctionJudge { Testbench, Differential, Equiv };
std::string_view functionJudgeName(FunctionJudge judge);
std::optional<FunctionJudge> functionJudgeFromName(std::string_view name);

struct RewardConfig {
  double formatWeight = 0.1;    ///< a code block could be extracted
  double syntaxWeight = 0.2;    ///< it compiles and passes the candidate policy
  double functionWeight = 0.6;  ///< the testbench: full on a pass, partial on a mismatch
  double ppaWeight = 0.1;       ///< PPA against the reference, only on a pass, only when enabled
  /// The most a mismatching design's function component can reach (times its
  /// matching share): below 1 so that "almost right" is always clearly worth
  /// less than right.
  double partialCredit = 0.5;
  bool ppaEnabled = false;  ///< synthesis per pass is slow (seconds); off by default

  FunctionJudge functionJudge = FunctionJudge::Testbench;  ///< [function] judge
  std::map<std::string, FunctionJudge> suiteJudges;        ///< [function.suites]: suite -> judge
  DifferentialSettings differential;                       ///< [function] sequences, cycles
  /// [function] not_equivalent = "testbench": a disproved design keeps the testbench's partial
  /// share instead of 0.
  bool notEquivalentKeepsTestbenchShare = false;
  double equivTimeoutSeconds = 30;  ///< [function] equiv_timeout_seconds
  /// The judge of a task of `suite`.
  FunctionJudge judgeFor(const std::string& suite) const;
};

/// Each component in [0, 1]; `reward` is their weighted mean over the enabled
/// components, so a pass is 1.0 without PPA and a hostile or empty answer is 0.
struct RewardBreakdown {
  double reward = 0;
  double format = 0;
  double syntax = 0;
  double function = 0;
  double ppa = 0;
  std::string note;  ///< why a component is what it is, one line
};

/// The reward of an answer whose native evaluation is `native`; `ppaScore` is
/// the PPA geometric-mean ratio against the reference (below 1 is better), when
/// it was measured.
RewardBreakdown shapeReward(const RewardConfig& config, const Evaluation& native, std::optional<double> ppaScore);

/// The same with another judge deciding the function component. `function` is that judge's
/// evaluation of the answer (nullptr when it did not run because the native verdict settled the
/// answer: no code, refused, does not compile). Differential: a pass is 1, a mismatch the
/// partial credit times the share of matching sequences. Equivalence: `equivalent` is 1,
/// `not_equivalent` 0 (or the testbench's partial share, see RewardConfig), `unknown` the
/// testbench's partial share, never 1.
RewardBreakdown shapeJudgedReward(const RewardConfig& config, FunctionJudge judge, const Evaluation& native,
                                  const Evaluation* function, std::optional<double> ppaScore);

/// The PPA component from a geometric-mean ratio: 1 at half the reference's
/// figures or better, 0.5 at the reference's, 0 at 1.5 times or worse.
double ppaComponent(double score);

/// Reads the [reward] table of a TOML object already parsed into JSON (unknown
/// keys refused).
Status rewardConfigFromJson(const std::string& jsonText, const std::string& fileName, RewardConfig& out);

}  // namespace rtlarena
