// Assertions scored by the mutants of the design they catch. The design's mutants
// (design_mutants.h) that the equivalence judge proved *not* equivalent are the faults; the
// assertions proven (and not vacuous) on the design are checked again on each of them, and a
// mutant is caught when at least one of them gets `cex` there. Score = caught / non-equivalent.
// Mutants proved equivalent are not faults and are left out; `unknown` ones are left out and
// counted, so a design whose mutants cannot be judged gets no score, never a high one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/formal/checker.h"
#include "rtlarena/formal/design_mutants.h"

namespace rtlarena::formal {

struct MutationScoreOptions {
  int mutants = 20;      ///< mutants asked of Yosys
  unsigned seed = 1;     ///< the same seed gives the same mutants, hence the same score
  int equivBound = 20;   ///< the judge's bound per mutant
  double equivSeconds = 30;  ///< the judge's budget per mutant
  unsigned jobs = 1;     ///< mutants judged and checked in parallel
  MutantCache* cache = nullptr;  ///< null: a cache of this call alone
};

/// What one assertion did.
struct AssertionCatches {
  std::string name;
  int line = 0;
  FormalVerdict onDesign = FormalVerdict::Undetermined;
  bool counted = false;     ///< proven on the design: checked on the mutants
  std::vector<int> caught;  ///< indices of the mutants it got `cex` on
};

/// What became of one mutant.
struct MutantOutcome {
  int index = 0;
  std::string description;  ///< the mutated cell and its source line
  std::string mutation;     ///< the Yosys `mutate` command
  equiv::EquivVerdict equivalence = equiv::EquivVerdict::Unknown;
  std::string equivReason;
  bool caught = false;
  std::vector<std::string> caughtBy;   ///< assertions with `cex` on it
  std::vector<std::string> undecided;  ///< counted assertions neither proven nor refuted on it
  std::string problem;                 ///< the check of the mutant failed as a whole (why)
};

struct MutationScore {
  int mutantsAsked = 0;   ///< asked of Yosys (a small design may give fewer)
  int mutants = 0;        ///< made
  int equivalent = 0;     ///< proved equivalent: not faults, left out
  int unknown = 0;        ///< the judge could not tell: left out, counted
  int nonEquivalent = 0;  ///< the faults: the denominator
  int caught = 0;
  int countedAssertions = 0;   ///< proven on the design (the only ones that can catch)
  std::optional<double> score; ///< caught / nonEquivalent; none when there is no fault
  int seed = 1;
  std::vector<AssertionCatches> assertions;  ///< in source order
  std::vector<MutantOutcome> outcomes;       ///< by mutant index
  bool mutantsFromCache = false;
  double seconds = 0;
};

/// Scores the assertions of `request` whose verdicts on the design are `onDesign` (the report
/// of checkAssertions(request, check)). Error only when rtlarena failed or Yosys cannot mutate
/// the design; a mutant whose check fails counts as not caught, with the reason.
Result<MutationScore> scoreByMutants(const CheckRequest& request, const CheckReport& onDesign, const CheckOptions& check,
                                     const MutationScoreOptions& options);

/// JSON: {mutants, seed, equivalent, unknown, non_equivalent, caught, score, counted_assertions,
/// assertions: [{name, line, on_design, counted, catches}], mutants_detail: [{index, mutation,
/// description, equivalence, caught, caught_by, undecided}]}.
std::string mutationScoreToJson(const MutationScore& score);
/// The per-assertion catches and the total, for people.
std::string mutationScoreToText(const MutationScore& score);
/// "7/9 (77.8%)" or "none (no non-equivalent mutant)".
std::string describeScore(const MutationScore& score);

}  // namespace rtlarena::formal
