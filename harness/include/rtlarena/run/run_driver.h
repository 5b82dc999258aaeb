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

struct RunSummary {
  std::string runId;
  std::string suite;
  std::string model;
  int tasks = 0;
  int samples = 0;
  std::map<int, double> passAt;
  std::map<std::string, int> verdicts;
  std::map<std::string, int> failureClasses;  ///< "verdict/class" → samples, failures only
  ScoreSummary score;
  double wallSeconds = 0;
  double toolSeconds = 0;     ///< sum of tool wall time over evaluations done in this run
  int evaluated = 0;          ///< evaluations done by this invocation (not resumed)
  int reused = 0;             ///< identical candidates evaluated once
  int compatEvaluated = 0;    ///< VerilogEval-compatible evaluations done by this invocation
  int compatFromNative = 0;   ///< ... read from the native run of the same code instead
  int compatReused = 0;       ///< ... and copied from an identical answer of the same task
  std::string storePath;

  // Datasets (extra_modes.h): other scorings of the same run, read from the store.
  std::vector<std::string> excludedTasks;          ///< by errata; left out of passAt
  std::optional<double> verilogEvalScore;          ///< mean over problems of int(npass/n*100)
  std::optional<double> verilogEvalScoreKept;      ///< the same without verilogEvalExcludedTasks
  std::vector<std::string> verilogEvalExcludedTasks;  ///< errata of VerilogEval's own harness
  std::map<std::string, int> compatCodes;          ///< VerilogEval failure code → samples
  std::map<std::string, double> goldenCeiling;     ///< "native"/"verilogeval" → pass fraction
  std::map<std::string, double> negativeControl;   ///< "native"/"verilogeval" → pass fraction
  std::vector<std::string> disagreements;          ///< --sim both: "task#sample icarus=X verilator=Y"
  int secondSimulatorSamples = 0;
};

/// Runs (or resumes) a benchmark run and returns its summary.
Result<RunSummary> runBenchmark(const RunOptions& options);

/// Summary of what a store holds, without running anything.
Result<RunSummary> summarizeStore(const std::string& outDir);

}  // namespace rtlarena
