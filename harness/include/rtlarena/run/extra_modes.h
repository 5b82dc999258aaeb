// The evaluations a run stores beside its native verdicts, so one run can be reported several
// ways: VerilogEval-compatible verdicts (mode "verilogeval"), the second simulator of
// `--sim both` (mode "verilator"), and the golden ceiling and negative control of the dataset
// (modes "golden", "control", and their "-verilogeval" twins). The run driver calls it at three
// points; summaries read it back from the store.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <tuple>
#include <utility>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/core/worker_pool.h"
#include "rtlarena/eval/evaluator.h"
#include "rtlarena/store/store.h"
#include "rtlarena/tasks/errata.h"
#include "rtlarena/tasks/task.h"

namespace rtlarena {

struct RunSummary;

struct ExtraModeOptions {
  bool compat = false;       ///< VerilogEval-compatible scoring
  bool secondSimulator = false;  ///< --sim both: Verilator next to Icarus
  bool controls = false;     ///< golden ceiling and negative control
  EvalOptions eval;          ///< the native options (sandbox, work root)
};

class ExtraModes {
 public:
  ExtraModes(ExtraModeOptions options, Store& store, WorkerPool& pool);
  /// Reads what the store already holds (resume). Call once before anything is scheduled.
  Status load();
  /// Schedules the extra evaluations of one stored sample that the store lacks. With
  /// `nativeRunComing`, a native evaluation of this sample's code is pending or about to be
  /// scheduled and will be offered through onNativeRun: a compat evaluation of the same code
  /// then waits for it instead of compiling and simulating again.
  void onSample(const Task& task, const SampleRecord& sample, bool nativeRunComing = false);
  /// The native evaluation of `code` for `task` finished; `outcome` is its simulator run, or
  /// null when it did not simulate. Compat samples waiting for that code get their verdict
  /// from the run when it can stand for the original's, else from their own evaluation.
  void onNativeRun(const Task& task, const std::string& code, const SimOutcome* outcome);
  /// Schedules the golden and control evaluations of every task that the store lacks.
  void scheduleControls(const std::vector<Task>& tasks);
  /// The first store error seen, if any (after the pool drained).
  std::optional<Error> error();
  double toolSeconds();
  struct CompatCounts {
    int evaluated = 0;   ///< compat compiles and simulations run
    int fromNative = 0;  ///< verdicts read from the native run of the same code
    int reused = 0;      ///< samples that copied the verdict of an identical answer
  };
  CompatCounts compatCounts();

 private:
  void put(const std::string& taskId, int sample, const std::string& mode, const Evaluation& e,
           bool countTime = true);
  /// VerilogEval's verdict depends on the extracted code alone, so identical code of one task
  /// is evaluated once: later samples wait for that evaluation or copy its result.
  /// `nativeHash`: the hash of the native code whose coming run may stand in for this one.
  void scheduleCompat(const Task& task, int sample, std::string code, const std::string& nativeHash);
  /// Runs the compat evaluation of a key that has no result yet; fulfils its waiters.
  void submitCompat(const Task& task, int sample, std::string code, std::pair<std::string, std::string> key);
  /// Stores `e` for `sample` and every sample waiting on `key`.
  void fulfilCompat(const std::string& taskId, int sample, const std::pair<std::string, std::string>& key, const Evaluation& e);
  ExtraModeOptions options_;
  Store& store_;
  WorkerPool& pool_;
  std::mutex mutex_;
  std::set<std::tuple<std::string, int, std::string>> have_;
  std::optional<Error> error_;
  double toolSeconds_ = 0;
  int compatEvaluated_ = 0, compatFromNative_ = 0, compatReused_ = 0;
  std::map<std::pair<std::string, std::string>, Evaluation> compatDone_;            // (task, code hash)
  std::map<std::pair<std::string, std::string>, std::vector<int>> compatPending_;  // waiting samples
  struct Deferred {
    std::pair<std::string, std::string> key;  ///< the compat key it fulfils
    int sample = 0;
    std::string code;  ///< the compat code
  };
  /// (task, native code hash) -> compat evaluations waiting for that native run.
  std::map<std::pair<std::string, std::string>, std::vector<Deferred>> compatDeferred_;
};

/// The simulator names `--sim both` stores natively and as its second mode.
inline constexpr const char* kSecondSimulatorMode = "verilator";
inline constexpr const char* kCompatMode = "verilogeval";
/// Store extras naming the problems whose golden design fails in VerilogEval's own harness.
inline constexpr const char* kErrataCompatKind = "errata-verilogeval";

/// Records the errata entries that exclude tasks on `simulator` in the store (extras "errata"),
/// and those that exclude them from the VerilogEval-compatible score (kErrataCompatKind).
Status storeErrata(Store& store, const Errata& errata, const std::vector<Task>& tasks, const std::string& simulator);

}  // namespace rtlarena
