// The benchmark run: tasks → provider → extraction → evaluation in every mode → store → summary.
// Resumable: what the store already holds is neither requested nor evaluated again.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/eval/evaluator.h"
#include "rtlarena/llm/provider.h"
#include "rtlarena/run/eval_mode.h"
#include "rtlarena/run/shard.h"
#include "rtlarena/run/summary.h"
#include "rtlarena/tasks/errata.h"
#include "rtlarena/tasks/task.h"

namespace rtlarena {

struct RunOptions {
  std::string suite;            ///< the label stored with the run
  std::vector<Task> tasks;
  ProviderOptions provider;
  int samplesPerTask = 1;
  std::vector<int> passAtK;     ///< the k of pass@k; empty: 1, 5, 10
  unsigned workers = 0;         ///< 0 = number of cores
  std::string outDir;
  /// The native evaluation. SimulatorKind::Both means Icarus verdicts plus the
  /// second-simulator mode (Verilator), decided in one place: runModes().
  EvalOptions eval;
  /// Modes besides Native: VerilogEval, Controls, Ppa.
  std::set<ModeId> modes;
  PpaSettings ppa;              ///< with ModeId::Ppa
  JudgeSettings judge;          ///< with ModeId::Equiv
  AssertMutantSettings assertMutants;  ///< with ModeId::AssertMutants
  DifferentialSettings differential;   ///< with ModeId::Differential
  int shots = 0;
  std::string promptTemplateDir;
  bool progress = true;         ///< progress bar on a terminal, plain lines otherwise
  bool retryLlmErrors = false;  ///< on resume, ask again for samples stored as llm_error
  /// Where control verdicts are kept across runs (ControlCache::defaultDir() by the CLI); empty:
  /// not kept.
  std::string controlCacheDir;
  std::optional<Errata> errata; ///< problems left out of the score (reported apart)
  std::string priceTableFile;   ///< --price-table: the run's cost in the summary
  /// --shard I/N: only the (task, sample) pairs this shard owns (shard.h) are asked for and
  /// judged, and the controls of the tasks whose sample 0 it owns; `rtlarena merge` joins shards.
  std::optional<Shard> shard;
  const ModeRegistry* registry = nullptr;  ///< where modes come from; null: ModeRegistry::global()
};

/// The modes a run evaluates in and the configuration they are made from (`--sim both`
/// becomes native Icarus plus the second-simulator mode here, and only here).
std::pair<std::set<ModeId>, ModeConfig> runModes(const RunOptions& options);

/// Runs (or resumes) a benchmark run and returns its summary.
Result<RunSummary> runBenchmark(const RunOptions& options);

}  // namespace rtlarena
