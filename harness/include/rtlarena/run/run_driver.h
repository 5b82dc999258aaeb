// The benchmark run: tasks → provider → extraction → evaluation → store → score. Resumable:
// what the store already holds is neither requested nor evaluated again.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/eval/evaluator.h"
#include "rtlarena/llm/provider.h"
#include "rtlarena/score/pass_at_k.h"
#include "rtlarena/tasks/task.h"

namespace rtlarena {

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
};

struct RunSummary {
  std::string runId;
  std::string suite;
  std::string model;
  int tasks = 0;
  int samples = 0;
  std::map<int, double> passAt;
  std::map<std::string, int> verdicts;
  ScoreSummary score;
  double wallSeconds = 0;
  double toolSeconds = 0;     ///< sum of tool wall time over evaluations done in this run
  int evaluated = 0;          ///< evaluations done by this invocation (not resumed)
  int reused = 0;             ///< identical candidates evaluated once
  std::string storePath;
};

/// Runs (or resumes) a benchmark run and returns its summary.
Result<RunSummary> runBenchmark(const RunOptions& options);

/// Summary of what a store holds, without running anything.
Result<RunSummary> summarizeStore(const std::string& outDir);

}  // namespace rtlarena
