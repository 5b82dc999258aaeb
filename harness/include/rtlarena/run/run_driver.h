// The benchmark run: tasks → provider → extraction → evaluation → store → score. Resumable:
// what the store already holds is neither requested nor evaluated again.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/eval/evaluator.h"
#include "rtlarena/llm/provider.h"
#include "rtlarena/run/summary.h"
#include "rtlarena/score/pass_at_k.h"
#include "rtlarena/tasks/errata.h"
#include "rtlarena/tasks/task.h"

namespace rtlarena {

class Store;

struct RunOptions {
  std::string suite;            ///< the label stored with the run
  std::vector<Task> tasks;
  ProviderOptions provider;
  int samplesPerTask = 1;
  unsigned workers = 0;         ///< 0 = number of cores
  std::string outDir;
  EvalOptions eval;
  int shots = 0;
  std::string promptTemplateDir;
  bool progress = true;         ///< progress bar on a terminal, plain lines otherwise
  bool retryLlmErrors = false;  ///< on resume, ask again for samples stored as llm_error
  bool controls = false;        ///< also store the golden ceiling and the negative control
  std::optional<Errata> errata; ///< problems left out of the score (reported apart)
  /// Called after a passing evaluation is stored, on the evaluating thread (`run --ppa`).
  std::function<void(const Task&, int sample, const std::string& code, const Evaluation&, Store&)> onPass;
};


/// Runs (or resumes) a benchmark run and returns its summary.
Result<RunSummary> runBenchmark(const RunOptions& options);


}  // namespace rtlarena
