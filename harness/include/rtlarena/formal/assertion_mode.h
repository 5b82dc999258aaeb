// The assertion mode: how `rtlarena run` judges assertion and nl2sva tasks (the formal checker in
// place of a simulation), and its part of the run summary. It lives with the checker because the
// harness never links the checker; the `rtlarena` tool registers it at start-up.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/run/eval_mode.h"
#include "rtlarena/run/summary.h"

namespace rtlarena {
class Store;
}

namespace rtlarena::formal {

/// Adds ModeId::Assertion and ModeId::AssertMutants (and their summary parts) to `registry`.
void registerAssertionMode(ModeRegistry& registry = ModeRegistry::global());

/// The summary part of formal tasks, from the store alone; nullopt when the run has none.
Result<std::optional<ModeReport>> formalSummary(Store& store);

/// The mutation-score mode (`--assert-mutants N`, assert_mutants_mode.cpp), registered with the
/// assertion mode.
Result<std::unique_ptr<EvalMode>> makeAssertMutantsMode(const ModeConfig& config);
/// Its summary part: mean mutation score over tasks, for the model and the golden properties.
Result<std::optional<ModeReport>> assertMutantsSummary(Store& store);

/// The mean over tasks of each task's mean score (a task with more answers weighs no more).
double meanOverTasks(const std::map<std::string, std::vector<double>>& byTask);

}  // namespace rtlarena::formal
