// The differential mode: each sample the testbench could judge (the policy passed, it compiled)
// is run again on a bench generated from the reference's ports (eval/differential.h): many
// random stimulus sequences, every output compared each cycle. The bench goes through the same
// Evaluator as the native mode, so the policy, the isolation of the bench and the hierarchy
// check hold unchanged; the verdict's samples are sequences, its mismatches the sequences that
// differed. A sample the native mode refused keeps its native verdict.
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>

#include "modes.h"
#include "rtlarena/eval/differential.h"
#include "rtlarena/run/text_table.h"
#include "second_judge_tally.h"

namespace rtlarena {

namespace {

class DifferentialMode final : public EvalMode {
 public:
  DifferentialMode(const EvalOptions& options, DifferentialSettings settings)
      : evaluator_(options), settings_(settings) {}
  ModeId id() const override { return ModeId::Differential; }
  std::string_view name() const override { return kDifferentialMode; }
  std::optional<ModeId> after() const override { return ModeId::Native; }

  // Every task's bench can be written: a port the generator cannot size is refused now.
  Status check(const std::vector<Task>& tasks) const override {
    for (const auto& t : tasks) {
      if (isFormalKind(t.kind)) return makeError(ErrorCode::BadArgument, "task '" + t.id + "' is judged formally: no differential judge");
      if (auto d = derived(t); !d) return d.error();
    }
    return Ok{};
  }

  std::optional<ModeJob> job(const Task&, const Subject& subject, const ModeResult* native) const override {
    if (!native) return std::nullopt;
    ModeJob job;
    job.input = subject.record.code;
    job.trusted = subject.trusted();
    if (!judgeableAfterNative(native->eval)) job.settled = native->eval;  // refused or does not compile
    return job;
  }

  ModeResult evaluate(const Task& task, const ModeJob& job, const ModeResult*) const override {
    ModeResult r;
    auto d = derived(task);
    if (!d) {
      r.eval.verdict = Verdict::HarnessError;
      r.eval.message = d.error().message;
      return r;
    }
    r.eval = evaluator_.evaluate(**d, job.input);
    explainDifferential(r.eval);
    return r;
  }

 private:
  // The task with its generated bench, made once per task.
  Result<const Task*> derived(const Task& task) const {
    std::lock_guard lock(mutex_);
    if (auto it = tasks_.find(task.id); it != tasks_.end()) return &it->second;
    auto t = differentialTask(task, settings_);
    if (!t) return t.error();
    return &tasks_.emplace(task.id, std::move(*t)).first->second;
  }

  Evaluator evaluator_;
  DifferentialSettings settings_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, Task> tasks_;
};

// The summary's part: pass@1 by differential simulation, and where it and the testbench
// disagree (escapes: the testbench passes a design whose outputs differ from the reference's).
Result<std::optional<ModeReport>> report(Store& store) {
  auto judged = store.evaluations(kDifferentialMode);
  if (!judged) return judged.error();
  if (judged->empty()) return std::optional<ModeReport>();
  auto native = store.evaluations(kNativeMode);
  if (!native) return native.error();
  const SecondJudgeTally tally =
      tallySecondJudge(*judged, *native, [](const Evaluation& e) { return e.verdict == Verdict::Mismatch; });
  std::map<std::string, int> byVerdict;
  for (const auto& j : *judged)
    if (isComplete(j.eval)) ++byVerdict[std::string(verdictName(j.eval.verdict))];
  nlohmann::json escapes = nlohmann::json::array(), reverse = nlohmann::json::array();
  for (const auto& [where, why] : tally.escapes) escapes.push_back({{"sample", where}, {"difference", why}});
  for (const auto& [where, verdict] : tally.reverse) reverse.push_back({{"sample", where}, {"testbench", verdict}});
  nlohmann::json j = {{"pass_at_1", tally.passAt1}, {"verdicts", byVerdict}, {"incomplete", tally.incomplete},
                      {"testbench_escapes", escapes}, {"passed_but_failed_testbench", reverse}};
  TextTable table({"differential judge", "samples"});
  for (const auto& [verdict, n] : byVerdict) table.add({verdict, std::to_string(n)});
  char head[96];
  std::snprintf(head, sizeof head, "\n  pass@1 by differential simulation: %.1f%%\n", 100.0 * tally.passAt1);
  std::string text = head + table.render();
  for (const auto& [where, why] : tally.escapes)
    text += "  testbench escape: " + where + " passes the testbench, " + why + "\n";
  for (const auto& [where, verdict] : tally.reverse)
    text += "  passes differential simulation but " + verdict + " in the testbench: " + where + "\n";
  return std::optional<ModeReport>(ModeReport{kDifferentialMode, j.dump(), text});
}

}  // namespace

ModeReporter differentialModeReporter() { return report; }

Result<std::unique_ptr<EvalMode>> makeDifferentialMode(const ModeConfig& config) {
  return std::unique_ptr<EvalMode>(std::make_unique<DifferentialMode>(config.eval, config.differential));
}

}  // namespace rtlarena
