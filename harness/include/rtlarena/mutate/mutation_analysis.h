// Mutation analysis of testbenches: how many faults of the reference does each task's own
// testbench catch? Mutants are simulated in parallel in the sandbox like any candidate; each
// survivor is checked with the equivalence judge and set aside only when proved equivalent.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "rtlarena/equiv/judge.h"
#include "rtlarena/eval/evaluator.h"
#include "rtlarena/mutate/mutants.h"

namespace rtlarena::mutate {

enum class MutantFate {
  Killed,      ///< the testbench failed it (any verdict but pass and harness_error)
  Survived,    ///< passed, and proved not equivalent: a real escape of the testbench
  Unknown,     ///< passed, and the judge could not decide: counted as survived
  Equivalent,  ///< passed, and proved equivalent: not a fault, set aside
  Error,       ///< harness_error while simulating: counted nowhere
};

std::string_view mutantFateName(MutantFate f);

struct MutantResult {
  Mutant mutant;
  Evaluation evaluation;
  std::optional<equiv::EquivResult> equiv;
  MutantFate fate = MutantFate::Error;
};

struct TaskMutation {
  std::string taskId;
  int mutants = 0, killed = 0, survived = 0, equivalent = 0, unknown = 0, errors = 0;
  int resumed = 0;                    ///< outcomes taken from a stored analysis, not simulated
  int unapplied = 0;                  ///< listed mutations Yosys itself failed to apply (left out)
  std::vector<MutantResult> results;  ///< every mutant, by index
  std::string error;                  ///< mutants could not be made (the task is not scored)
  double seconds = 0;

  /// killed / (killed + survived), where survived includes unknown; -1 when both are 0.
  double killScore() const;
};

class MutationStore;

struct MutateOptions {
  int mutants = 20;
  unsigned seed = 1;
  unsigned jobs = 0;          ///< workers; 0 = hardware threads
  EvalOptions eval;
  equiv::EquivOptions equiv;  ///< for survivors
  bool judgeSurvivors = true;
  /// When set, mutants it already holds are not simulated again, new outcomes are recorded in
  /// it and each finished task's figures are written to it (mutation_store.h).
  MutationStore* store = nullptr;
};

/// Runs the analysis over `tasks`; `onTask` is called (from a worker) as each task finishes.
std::vector<TaskMutation> analyseMutants(const std::vector<Task>& tasks, const MutateOptions& options,
                                         const std::function<void(const TaskMutation&)>& onTask = {});

/// One task's entry of mutationJson: `{mutants, killed, ..., kill_score, survivors: [...]}`; a
/// survivor holds its description, mutation, the judge's verdict and reason and, for an escape,
/// the counterexample's cycle and first differing output.
std::string taskMutationJson(const TaskMutation& task);

/// `{tasks: {ID: {mutants, killed, survived, equivalent, unknown, kill_score, survivors: [...]}}}`.
std::string mutationJson(const std::vector<TaskMutation>& results);

}  // namespace rtlarena::mutate
