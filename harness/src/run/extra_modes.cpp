// Extra scorings stored beside a run's native verdicts (see extra_modes.h). Each is its own
// pool job so a slow compat or Verilator evaluation never holds up the native one.
#include "rtlarena/run/extra_modes.h"

#include <nlohmann/json.hpp>

#include "rtlarena/core/hash.h"
#include "rtlarena/eval/verilogeval_compat.h"
#include "rtlarena/run/run_driver.h"
#include "rtlarena/run/summary.h"
#include "rtlarena/tasks/dataset.h"

namespace rtlarena {

namespace {

std::string fenced(const std::string& code) { return "```verilog\n" + code + "\n```\n"; }

}  // namespace

ExtraModes::ExtraModes(ExtraModeOptions options, Store& store, WorkerPool& pool)
    : options_(std::move(options)), store_(store), pool_(pool) {}

Status ExtraModes::load() {
  for (const char* mode : {kCompatMode, kSecondSimulatorMode, "golden", "control", "golden-verilogeval", "control-verilogeval"}) {
    auto rows = store_.evaluations(mode);
    if (!rows) return rows.error();
    for (const auto& r : *rows)
      // Incomplete rows are made again: a harness_error always, an llm_error when its sample
      // is asked again (an unanswered sample just stores llm_error once more).
      if (isComplete(r.eval)) have_.insert({r.taskId, r.sample, mode});
  }
  return Ok{};
}

void ExtraModes::put(const std::string& taskId, int sample, const std::string& mode, const Evaluation& e,
                     bool countTime) {
  auto s = store_.putEvaluation({taskId, sample, mode, e});
  std::lock_guard lock(mutex_);
  if (countTime) toolSeconds_ += e.wallSeconds;
  if (!s && !error_) error_ = s.error();
}

void ExtraModes::scheduleCompat(const Task& task, int sample, std::string code, const std::string& nativeHash) {
  auto key = std::make_pair(task.id, sha256Hex(code));
  std::optional<Evaluation> known;
  {
    std::lock_guard lock(mutex_);
    if (auto it = compatDone_.find(key); it != compatDone_.end()) {
      known = it->second;
      ++compatReused_;
    } else if (auto p = compatPending_.find(key); p != compatPending_.end()) {
      p->second.push_back(sample);
      return;
    } else {
      compatPending_[key] = {};
      if (!nativeHash.empty()) {
        compatDeferred_[{task.id, nativeHash}].push_back({key, sample, code});
        return;
      }
    }
  }
  if (known) {
    put(task.id, sample, kCompatMode, *known, false);
    return;
  }
  submitCompat(task, sample, std::move(code), std::move(key));
}

void ExtraModes::submitCompat(const Task& task, int sample, std::string code, std::pair<std::string, std::string> key) {
  CompatJob job{options_.eval.workRoot, options_.eval.sandbox, sample, options_.eval.keepJobDirs};
  pool_.submit([this, &task, code = std::move(code), job, sample, key = std::move(key)] {
    Evaluation e = evaluateVerilogEval(task, code, job);
    {
      std::lock_guard lock(mutex_);
      ++compatEvaluated_;
    }
    fulfilCompat(task.id, sample, key, e);
  });
}

void ExtraModes::fulfilCompat(const std::string& taskId, int sample, const std::pair<std::string, std::string>& key,
                              const Evaluation& e) {
  std::vector<int> waiters;
  {
    std::lock_guard lock(mutex_);
    if (e.verdict != Verdict::HarnessError) compatDone_[key] = e;
    waiters = std::move(compatPending_[key]);
    compatPending_.erase(key);
    compatReused_ += static_cast<int>(waiters.size());
  }
  put(taskId, sample, kCompatMode, e);
  for (int w : waiters) put(taskId, w, kCompatMode, e, false);
}

void ExtraModes::onNativeRun(const Task& task, const std::string& code, const SimOutcome* outcome) {
  std::vector<Deferred> waiting;
  {
    std::lock_guard lock(mutex_);
    auto it = compatDeferred_.find({task.id, sha256Hex(code)});
    if (it == compatDeferred_.end()) return;
    waiting = std::move(it->second);
    compatDeferred_.erase(it);
  }
  for (auto& d : waiting) {
    std::optional<Evaluation> fromNative;
    if (outcome) fromNative = verilogEvalFromNativeRun(task, d.code, *outcome);
    if (!fromNative) {
      submitCompat(task, d.sample, std::move(d.code), std::move(d.key));
      continue;
    }
    {
      std::lock_guard lock(mutex_);
      ++compatFromNative_;
    }
    fulfilCompat(task.id, d.sample, d.key, *fromNative);
  }
}

void ExtraModes::onSample(const Task& task, const SampleRecord& s, bool nativeRunComing) {
  const int sample = s.sample;
  if (options_.compat && !have_.count({task.id, sample, kCompatMode})) {
    if (s.llmError) {
      Evaluation e;
      e.verdict = Verdict::LlmError;
      e.message = s.llmErrorMessage;
      e.compatCode = "?";
      put(task.id, sample, kCompatMode, e);
    } else {
      std::string code = extractVerilogEval(s.rawAnswer, task.kind, task.interface);
      const bool sameAsNative = nativeRunComing && sameSourceForVerilogEval(code, s.code);
      scheduleCompat(task, sample, std::move(code), sameAsNative ? s.codeHash : std::string());
    }
  }
  if (options_.secondSimulator && !have_.count({task.id, sample, kSecondSimulatorMode})) {
    if (s.code.empty() || s.llmError) {
      Evaluation e;
      e.verdict = s.llmError ? Verdict::LlmError : Verdict::NoCode;
      e.simulator = "verilator";
      put(task.id, sample, kSecondSimulatorMode, e);
    } else {
      EvalOptions eo = options_.eval;
      eo.simulator = "verilator";
      pool_.submit([this, &task, code = s.code, eo, sample] {
        put(task.id, sample, kSecondSimulatorMode, Evaluator(eo).evaluate(task, code));
      });
    }
  }
}

void ExtraModes::scheduleControls(const std::vector<Task>& tasks) {
  if (!options_.controls) return;
  EvalOptions eo = options_.eval;
  eo.policyCheck = false;  // the golden design and the empty module are ours, not a model's
  if (eo.simulator == "both") eo.simulator = "icarus";
  for (const Task& task : tasks) {
    const std::string control = negativeControlCandidate(task);
    for (const auto& [mode, code] : {std::pair<std::string, std::string>{"golden", task.goldenCandidate}, {"control", control}}) {
      if (!have_.count({task.id, 0, mode}))
        pool_.submit([this, &task, mode, code, eo] { put(task.id, 0, mode, Evaluator(eo).evaluate(task, code)); });
      const std::string compatMode = mode + "-verilogeval";
      if (options_.compat && !have_.count({task.id, 0, compatMode})) {
        CompatJob job{eo.workRoot, eo.sandbox, 0, eo.keepJobDirs};
        std::string sampleCode = extractVerilogEval(fenced(code), task.kind, task.interface);
        pool_.submit([this, &task, compatMode, sampleCode, job] {
          put(task.id, 0, compatMode, evaluateVerilogEval(task, sampleCode, job));
        });
      }
    }
  }
}

std::optional<Error> ExtraModes::error() {
  std::lock_guard lock(mutex_);
  return error_;
}

ExtraModes::CompatCounts ExtraModes::compatCounts() {
  std::lock_guard lock(mutex_);
  return {compatEvaluated_, compatFromNative_, compatReused_};
}

double ExtraModes::toolSeconds() {
  std::lock_guard lock(mutex_);
  return toolSeconds_;
}

Status storeErrata(Store& store, const Errata& errata, const std::vector<Task>& tasks, const std::string& simulator) {
  // Native scores drop what fails on the run's simulator; the VerilogEval-compatible score is
  // VerilogEval's own harness, so it drops what fails there ("verilogeval" entries).
  for (const auto& [kind, judge] : {std::pair<const char*, std::string>{"errata", simulator}, {kErrataCompatKind, kCompatMode}}) {
    for (const auto& t : tasks) {
      if (!errata.excludes(t.id, judge)) continue;
      nlohmann::json why = nlohmann::json::array();
      for (const auto& e : errata.entries)
        if (e.taskId == t.id && e.excludes) why.push_back({{"simulator", e.simulator}, {"symptom", e.symptom}, {"detail", e.detail}});
      if (auto s = store.putExtra(kind, t.id, why.dump()); !s) return s;
    }
  }
  return Ok{};
}

}  // namespace rtlarena
