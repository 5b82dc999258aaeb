// The summary of a run, read from its store alone: pass@k overall, per tag and per difficulty,
// verdict and failure-class counts, the samples that could not be scored, and the other
// scorings stored beside the native verdicts. `run` prints it after a run; every reader of a
// run directory (export, reports, a server) gets the same figures from the same function.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/eval/verdict.h"
#include "rtlarena/llm/price_table.h"
#include "rtlarena/score/pass_at_k.h"

namespace rtlarena {

class Store;
struct EvalRecord;

/// Whether an evaluation is a sample of the model's ability. harness_error (rtlarena failed)
/// and llm_error (the endpoint gave no answer) are not: they are left out of every score and
/// retried on resume.
inline bool isComplete(const Evaluation& e) {
  return e.verdict != Verdict::HarnessError && e.verdict != Verdict::LlmError;
}

/// Samples that have no verdict of the model's ability, by cause.
struct IncompleteCounts {
  int harnessError = 0;  ///< rtlarena's own failure; always retried on resume
  int llmError = 0;      ///< no answer from the endpoint; retried with --retry-errors
  int total() const { return harnessError + llmError; }
};

/// One task's outcome over its complete samples: what a reader looks for first.
struct TaskOutcome {
  std::string task;
  int complete = 0;      ///< samples with a verdict of the model
  int passed = 0;
  int incomplete = 0;    ///< harness_error, llm_error
  std::string verdict;   ///< of the first failing sample ("pass" when none failed)
  std::string cls;
  std::string reason;    ///< the first line of its message, short
};

/// A mode's own part of the summary (e.g. PPA), as it renders itself.
struct ModeReport {
  std::string name;      ///< the key of its object in the JSON summary
  std::string jsonText;  ///< a JSON object
  std::string text;      ///< the text table, ready to print
};

struct RunSummary {
  std::string runId;
  std::string suite;
  std::string model;
  int tasks = 0;
  int samples = 0;             ///< native evaluations stored, complete or not
  int completeSamples = 0;     ///< ... of which count in the scores
  IncompleteCounts incomplete; ///< native samples left out of the scores
  std::vector<std::string> unscoredTasks;  ///< tasks without a complete sample (not in the mean)
  /// Why native samples are incomplete: "llm_error: <message>" → samples (the endpoint's words).
  std::map<std::string, int> incompleteReasons;
  /// Other modes' evaluations that rtlarena failed to make (harness_error), by stored mode.
  std::map<std::string, int> incompleteOtherModes;
  std::map<int, double> passAt;
  /// Mean over tasks of the fraction of complete samples that get past each stage, as TuRTLe
  /// reports them: "syntax" (code extracted, no policy violation, parsed), "compile"
  /// (elaborated too), "functional" (passed: pass@1).
  std::map<std::string, double> stageRates;
  std::vector<TaskOutcome> taskOutcomes;      ///< every task, the worst first
  std::map<std::string, int> verdicts;        ///< every stored native verdict, incomplete ones too
  std::map<std::string, int> failureClasses;  ///< "verdict/class" → samples, complete failures only
  ScoreSummary score;
  double wallSeconds = 0;
  double toolSeconds = 0;     ///< sum of tool wall time over evaluations done in this run
  int evaluated = 0;          ///< evaluations done by this invocation (not resumed)
  int reused = 0;             ///< identical candidates evaluated once
  /// Samples that pass VerilogEval's own harness but not natively: "task#sample verdict (class)".
  /// The original shares holes the native job closes (a sample naming its reference module).
  std::vector<std::string> compatOnlyPasses;
  int compatEvaluated = 0;    ///< VerilogEval-compatible evaluations done by this invocation
  int compatFromNative = 0;   ///< ... read from the native run of the same code instead
  int compatReused = 0;       ///< ... and copied from an identical answer of the same task
  std::string storePath;
  std::string outDir;         ///< the run directory as given
  std::optional<RunCost> cost;  ///< with a price table

  // Datasets: other scorings of the same run, read from the store.
  std::vector<std::string> excludedTasks;          ///< by errata; left out of passAt
  std::optional<double> verilogEvalScore;          ///< mean over problems of int(npass/n*100)
  std::optional<double> verilogEvalScoreKept;      ///< the same without verilogEvalExcludedTasks
  std::vector<std::string> verilogEvalExcludedTasks;  ///< errata of VerilogEval's own harness
  std::map<std::string, int> compatCodes;          ///< VerilogEval failure code → samples
  std::map<std::string, double> goldenCeiling;     ///< "native"/"verilogeval" → pass fraction
  std::map<std::string, double> negativeControl;   ///< "native"/"verilogeval" → pass fraction
  std::vector<std::string> disagreements;          ///< --sim both: "task#sample icarus=X verilator=Y"
  int secondSimulatorSamples = 0;

  std::vector<ModeReport> modeReports;  ///< parts added by modes outside the harness (PPA)

  /// True when some evaluation is missing for a reason the next resume may fix.
  bool hasIncomplete() const;
};

/// The summary as aligned text tables, as `rtlarena run` prints it. It ends with the tasks that
/// failed (all tasks with `perTask`), the worst first.
std::string summaryText(const RunSummary& summary, bool perTask = false);

/// The summary as one JSON object (keys documented in README.md).
std::string summaryJson(const RunSummary& summary);

/// One line: how many samples are incomplete, why, and how to retry them; empty when none.
std::string incompleteNote(const RunSummary& summary);

class ModeRegistry;

/// Reads the whole summary from an open store (run fields stay empty when it holds no run),
/// with the parts of the modes in `registry` (null: ModeRegistry::global()).
/// `ks`: the k of pass@k (default 1, 5, 10; each k up to the samples per task).
Result<RunSummary> summarizeRun(Store& store, const ModeRegistry* registry = nullptr, const std::vector<int>& ks = {});

/// Opens `outDir`'s store read-only and summarizes it. NotFound when it is not a run directory.
Result<RunSummary> summarizeStore(const std::string& outDir, const std::vector<int>& ks = {});

/// pass@k from native evaluation rows: incomplete rows and `excluded` tasks are left out, a
/// task's n is its complete samples, and tags and difficulty come from `meta` (task → row).
struct TaskMeta {
  std::vector<std::string> tags;
  std::string difficulty;
};
struct NativeScore {
  ScoreSummary score;
  int completeSamples = 0;
  IncompleteCounts incomplete;
  std::vector<std::string> unscoredTasks;
};
NativeScore scoreNative(const std::vector<EvalRecord>& rows, const std::map<std::string, TaskMeta>& meta,
                        const std::vector<std::string>& excluded = {}, const std::vector<int>& ks = {});

/// Per-task outcomes (worst first) and the syntax / compile / functional rates of `rows`.
void summarizeTasks(const std::vector<EvalRecord>& rows, RunSummary& summary);

}  // namespace rtlarena
