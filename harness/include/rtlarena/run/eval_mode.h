// Evaluation modes: the ways one run judges what it holds. A mode says which subjects it wants
// (a model's sample, or a control the dataset provides), what text it evaluates for each
// (identical texts of one task are evaluated once, whichever subject asked), how, and where its
// results go in the store. Adding a way to score is one file implementing EvalMode and one line
// in a ModeRegistry; the run driver knows no mode by name.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/eval/evaluator.h"
#include "rtlarena/eval/simulator.h"
#include "rtlarena/eval/verdict.h"
#include "rtlarena/run/summary.h"
#include "rtlarena/serve/reward.h"
#include "rtlarena/store/store.h"
#include "rtlarena/tasks/task.h"

namespace rtlarena {

/// Every mode rtlarena knows. Modes built outside the harness (PPA, in synth/) have an id here
/// and register their factory at start-up, so the harness never links them.
enum class ModeId {
  Native,           ///< the testbench on the run's simulator: the verdicts pass@k is made of
  VerilogEval,      ///< VerilogEval v2's own extraction, commands and failure codes
  SecondSimulator,  ///< `--sim both`: Verilator's verdict next to Icarus's
  Controls,         ///< the golden design and an empty module, scored like a model's samples
  Ppa,              ///< area, delay and power of passing samples against the reference
  Equiv,            ///< `--judge equiv|both`: formal equivalence with the reference
  Assertion,        ///< assertion and nl2sva tasks: the formal checker in place of a simulation
  Reward,           ///< `rtlarena serve`: the native verdict (and PPA of a pass) shaped into a reward
  AssertMutants,    ///< `--assert-mutants N`: assertion answers scored by the design's mutants they catch
  Differential,     ///< random stimulus against the reference on a generated bench (eval/differential.h)
};

/// Names stored in `evaluations.mode` and `extras.kind`; stable across versions.
inline constexpr const char* kNativeMode = "native";
inline constexpr const char* kCompatMode = "verilogeval";
inline constexpr const char* kSecondSimulatorMode = "verilator";
inline constexpr const char* kEquivMode = "equiv";
inline constexpr const char* kRewardMode = "reward";
inline constexpr const char* kDifferentialMode = "differential";
/// Store extras naming the problems whose golden design fails in VerilogEval's own harness.
inline constexpr const char* kErrataCompatKind = "errata-verilogeval";
/// Store extras holding a formal task's per-assertion verdicts, keyed "ROW:TASK#SAMPLE".
inline constexpr const char* kFormalDetailKind = "formal";
/// The stored name of the assertion mutation-score mode, and the kind of its store extras (the
/// score's detail per answer, keyed "ROW:TASK#SAMPLE").
inline constexpr const char* kAssertMutantsMode = "assert-mutants";

/// What is judged: one of the model's samples, or one of the dataset's controls.
enum class SubjectKind {
  Sample,       ///< the model's answer
  Golden,       ///< the reference written as the model would: the ceiling
  EmptyModule,  ///< a module with the right ports and no logic: the negative control
};

struct Subject {
  SubjectKind kind = SubjectKind::Sample;
  /// The answer: a stored sample, or for a control the dataset's code made into one
  /// (rawAnswer fenced, code extracted, sample 0).
  SampleRecord record;
  /// Controls are our code, not a model's: judged without the candidate policy when the
  /// policy objects (a dataset's golden design may use what a model may not).
  bool trusted() const { return kind != SubjectKind::Sample; }
};

/// The row a mode's result of a subject is stored under: the mode's name for a sample;
/// "golden"/"control" for a control in the native mode, "golden-<mode>"/"control-<mode>" in others.
std::string storedRowName(SubjectKind kind, std::string_view modeName);

/// What a mode does with one subject.
struct ModeJob {
  /// Settled without tools (no code, no answer): stored as is.
  std::optional<Evaluation> settled;
  /// Otherwise the text evaluated; identical (task, mode, text, trusted) are evaluated once.
  std::string input;
  bool trusted = false;
  int sample = 0;  ///< the asking subject's index, for file names; not part of the identity
};

struct ModeResult {
  Evaluation eval;
  std::optional<SimOutcome> outcome;  ///< the raw simulator run, when one ran
  std::string payload;                ///< a mode's own result (PPA: its JSON)
  bool derived = false;               ///< read from another mode's run rather than tools of its own
  std::optional<Error> fatal;         ///< a harness failure that stops the run (the mode cannot work)
  std::string input;                  ///< the input it judged (set by the queue)
};

/// The results a store already holds for a mode: (row name, task, sample) → result. Only
/// complete results; anything else is evaluated again.
using StoredResults = std::map<std::tuple<std::string, std::string, int>, ModeResult>;

class EvalMode {
 public:
  virtual ~EvalMode() = default;
  virtual ModeId id() const = 0;
  /// Its stored name (kNativeMode, ...).
  virtual std::string_view name() const = 0;
  /// Checked before anything is asked or run: the tasks suit the mode, its tools exist.
  virtual Status check(const std::vector<Task>& tasks) const { return Ok{}; }
  /// The mode whose result of the same subject it must see first (its `upstream`).
  virtual std::optional<ModeId> after() const { return std::nullopt; }
  /// Subjects it adds beyond the model's samples (the controls), per task.
  virtual std::vector<Subject> subjects(const Task& task) const { return {}; }
  /// What it does with a subject; nullopt: nothing (not its kind of subject, or `upstream`
  /// says there is nothing to judge).
  virtual std::optional<ModeJob> job(const Task& task, const Subject& subject, const ModeResult* upstream) const = 0;
  /// Evaluates a job's input. Runs on a worker; must be thread-safe. `upstream` is the result
  /// of the mode named by after() for the subject that first asked for this input.
  virtual ModeResult evaluate(const Task& task, const ModeJob& job, const ModeResult* upstream) const = 0;
  /// Stores a result of a subject. By default an `evaluations` row named storedRowName().
  virtual Status store(Store& store, const Task& task, const Subject& subject, const ModeResult& result) const;
  /// Adds what the store already holds of this mode to `out` (resume).
  virtual Status load(Store& store, const std::vector<Task>& tasks, StoredResults& out) const;
};

/// What modes are made from: the run's evaluation options and each mode's own settings.
struct PpaSettings {
  std::optional<double> clockPeriodNs;  ///< --clock-period for every task; else the task's own
  bool simulationActivity = true;       ///< activity from the task's testbench
  bool useCache = true;
};
/// The equivalence judge's budget per sample (`--judge`).
struct JudgeSettings {
  std::chrono::milliseconds timeout{30000};
  int bound = 20;  ///< induction length and bounded-check depth, cycles
};
/// Mutation scoring of assertion answers (`--assert-mutants N`).
struct AssertMutantSettings {
  int mutants = 20;            ///< mutants of each task's design
  unsigned seed = 1;           ///< their seed
  double equivSeconds = 30;    ///< the equivalence judge's budget per mutant
  std::string cacheDir;        ///< where mutants and their verdicts are kept across runs; empty: not kept
};
struct ModeConfig {
  EvalOptions eval;  ///< native options; eval.simulator is never Both here
  PpaSettings ppa;
  JudgeSettings judge;
  AssertMutantSettings assertMutants;
  DifferentialSettings differential;  ///< the differential judge's stimulus
  RewardConfig reward;
};

using ModeFactory = std::function<Result<std::unique_ptr<EvalMode>>(const ModeConfig&)>;
/// Its part of a run's summary, read from the store alone; nullopt when the store has none.
using ModeReporter = std::function<Result<std::optional<ModeReport>>(Store&)>;

/// Mode ids to factories. global() holds the harness's own modes; libraries above the harness
/// add theirs (synth: registerPpaMode). Tests build their own with fakes.
class ModeRegistry {
 public:
  /// The process-wide registry, with the harness's modes in it.
  static ModeRegistry& global();
  /// Adds or replaces the factory of `id`.
  void add(ModeId id, ModeFactory factory, ModeReporter reporter = nullptr);
  /// Makes the modes asked for, in an order where each comes after its upstream.
  Result<std::vector<std::unique_ptr<EvalMode>>> make(const std::set<ModeId>& ids, const ModeConfig& config) const;
  /// Every registered mode's part of a summary.
  Status report(Store& store, RunSummary& summary) const;

 private:
  struct Entry {
    ModeFactory factory;
    ModeReporter reporter;
  };
  mutable std::mutex mutex_;
  std::map<ModeId, Entry> entries_;
};

/// A name for messages ("native", "verilogeval", "verilator", "controls", "ppa").
std::string_view modeIdName(ModeId id);

}  // namespace rtlarena
