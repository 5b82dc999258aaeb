// The mutation analysis driver: per task one job makes the mutants, then one job per mutant
// simulates it and, when it survives, judges it; counts are kept per task under one lock.
#include "rtlarena/mutate/mutation_analysis.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "rtlarena/core/text.h"
#include "rtlarena/core/worker_pool.h"
#include "rtlarena/mutate/mutation_store.h"

namespace rtlarena::mutate {

std::string_view mutantFateName(MutantFate f) {
  switch (f) {
    case MutantFate::Killed: return "killed";
    case MutantFate::Survived: return "survived";
    case MutantFate::Unknown: return "unknown";
    case MutantFate::Equivalent: return "equivalent";
    case MutantFate::Error: return "error";
  }
  return "error";
}

double TaskMutation::killScore() const {
  const int judged = killed + survived;
  return judged == 0 ? -1.0 : static_cast<double>(killed) / judged;
}

namespace {

using Clock = std::chrono::steady_clock;

struct TaskState {
  TaskMutation result;
  int pending = 0;
  Clock::time_point start;
  std::mutex mutex;
};

MutantResult judgeMutant(const Task& task, Mutant mutant, const Evaluator& evaluator, const MutateOptions& o) {
  MutantResult r;
  r.evaluation = evaluator.evaluate(task, mutant.code);
  r.mutant = std::move(mutant);
  if (r.evaluation.verdict == Verdict::HarnessError) return r;  // fate Error
  if (!r.evaluation.passed()) {
    r.fate = MutantFate::Killed;
    return r;
  }
  r.fate = MutantFate::Unknown;
  if (!o.judgeSurvivors) return r;
  const auto [reference, refTop] = equiv::taskReference(task);
  auto e = equiv::judgeEquivalence(reference, refTop, r.mutant.code, task.top, o.equiv);
  if (!e) {
    equiv::EquivResult failed;
    failed.reason = "judge failed: " + e.error().message;
    r.equiv = failed;
    return r;
  }
  r.equiv = *e;
  if (e->verdict == equiv::EquivVerdict::Equivalent) r.fate = MutantFate::Equivalent;
  else if (e->verdict == equiv::EquivVerdict::NotEquivalent) r.fate = MutantFate::Survived;
  return r;
}

// A testbench the reference itself fails would "kill" every mutant: such a task is not scored.
// The reference is ours, not a model's: a policy refusal is retried without the policy, as the
// golden control is.
std::optional<std::string> referenceFailsItsTestbench(const Task& task, const EvalOptions& options) {
  if (trim(task.goldenCandidate).empty()) return "the task has no reference design";
  Evaluation e = Evaluator(options).evaluate(task, task.goldenCandidate);
  if (e.verdict == Verdict::PolicyViolation) {
    EvalOptions trusted = options;
    trusted.policyCheck = false;
    e = Evaluator(trusted).evaluate(task, task.goldenCandidate);
  }
  if (e.passed()) return std::nullopt;
  return "the reference does not pass its own testbench (" + std::string(verdictName(e.verdict)) +
         (e.message.empty() ? "" : ": " + e.message) + "), so no mutant can be scored";
}

void count(TaskMutation& t, MutantFate fate) {
  switch (fate) {
    case MutantFate::Killed: ++t.killed; break;
    case MutantFate::Survived: ++t.survived; break;
    case MutantFate::Unknown: ++t.survived, ++t.unknown; break;
    case MutantFate::Equivalent: ++t.equivalent; break;
    case MutantFate::Error: ++t.errors; break;
  }
}

}  // namespace

std::vector<TaskMutation> analyseMutants(const std::vector<Task>& tasks, const MutateOptions& o,
                                         const std::function<void(const TaskMutation&)>& onTask) {
  const unsigned workers = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::unique_ptr<TaskState>> states;
  for (const auto& t : tasks) {
    states.push_back(std::make_unique<TaskState>());
    states.back()->result.taskId = t.id;
  }
  const Evaluator evaluator(o.eval);
  std::mutex callbackMutex;
  auto finish = [&](TaskState& s) {
    s.result.seconds = std::chrono::duration<double>(Clock::now() - s.start).count();
    std::sort(s.result.results.begin(), s.result.results.end(),
              [](const MutantResult& a, const MutantResult& b) { return a.mutant.index < b.mutant.index; });
    if (o.store) o.store->taskFinished(s.result);
    if (onTask) {
      std::lock_guard lock(callbackMutex);
      onTask(s.result);
    }
  };
  WorkerPool pool(workers);
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    pool.submit([&, i] {
      const Task& task = tasks[i];
      TaskState& s = *states[i];
      s.start = Clock::now();
      if (auto why = referenceFailsItsTestbench(task, o.eval)) {
        s.result.error = *why;
        finish(s);
        return;
      }
      MutantOptions mo;
      mo.count = o.mutants;
      mo.seed = o.seed;
      mo.sandbox = o.eval.sandbox;
      mo.workRoot = o.eval.workRoot;
      std::vector<std::string> unapplied;
      auto mutants = makeMutants(task, mo, &unapplied);
      s.result.unapplied = static_cast<int>(unapplied.size());
      if (!mutants || mutants->empty()) {
        s.result.error = mutants ? "Yosys found nothing to mutate" : mutants.error().message;
        finish(s);
        return;
      }
      s.result.mutants = static_cast<int>(mutants->size());
      s.pending = s.result.mutants;
      for (auto& m : *mutants) {
        pool.submit([&, m = std::move(m)]() mutable {
          // A stored outcome of the same mutation is the result: that mutant is not run again.
          std::optional<MutantResult> stored = o.store ? o.store->find(task.id, m) : std::nullopt;
          MutantResult r = stored ? std::move(*stored) : judgeMutant(task, std::move(m), evaluator, o);
          if (o.store && !stored) o.store->record(task.id, r);
          bool last = false;
          {
            std::lock_guard lock(s.mutex);
            count(s.result, r.fate);
            if (stored) ++s.result.resumed;
            s.result.results.push_back(std::move(r));
            last = --s.pending == 0;
          }
          if (last) finish(s);
        });
      }
    });
  }
  pool.wait();
  std::vector<TaskMutation> out;
  for (auto& s : states) out.push_back(std::move(s->result));
  return out;
}

std::string taskMutationJson(const TaskMutation& t) {
  nlohmann::json j = {{"mutants", t.mutants},       {"killed", t.killed},   {"survived", t.survived},
                      {"equivalent", t.equivalent}, {"unknown", t.unknown}, {"errors", t.errors},
                      {"unapplied", t.unapplied}};
  j["kill_score"] = t.killScore() < 0 ? nlohmann::json(nullptr) : nlohmann::json(t.killScore());
  if (!t.error.empty()) j["error"] = t.error;
  nlohmann::json survivors = nlohmann::json::array();
  for (const auto& r : t.results) {
    if (r.fate != MutantFate::Survived && r.fate != MutantFate::Unknown) continue;
    nlohmann::json s = {{"mutant", r.mutant.index}, {"fate", mutantFateName(r.fate)},
                        {"description", r.mutant.description}, {"mutation", r.mutant.command}};
    if (r.equiv) {
      s["judge"] = {{"verdict", equiv::equivVerdictName(r.equiv->verdict)}, {"reason", r.equiv->reason}};
      if (const auto& cex = r.equiv->counterexample) {
        s["judge"]["cycle"] = cex->cycle;
        if (!cex->outputs.empty())
          s["judge"]["output"] = {{"name", cex->outputs.front().output},
                                  {"reference", cex->outputs.front().reference},
                                  {"mutant", cex->outputs.front().candidate}};
      }
    }
    survivors.push_back(s);
  }
  j["survivors"] = survivors;
  return j.dump();
}

std::string mutationJson(const std::vector<TaskMutation>& results) {
  nlohmann::json tasks = nlohmann::json::object();
  for (const auto& t : results) tasks[t.taskId] = nlohmann::json::parse(taskMutationJson(t));
  return nlohmann::json{{"tasks", tasks}}.dump(1);
}

}  // namespace rtlarena::mutate
