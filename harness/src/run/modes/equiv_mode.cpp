// The equivalence mode (`--judge equiv|both`): each of the model's samples that the testbench
// could judge is also checked for formal equivalence with the task's reference. Only a proof
// passes: `not_equivalent` and `unknown` are stored as mismatches of their own class, so the
// equivalence score is never more generous than the proof. A sample the native mode refused
// (policy, syntax, elaboration) is not judged: its native verdict is stored as this mode's.
#include <nlohmann/json.hpp>

#include "modes.h"
#include "rtlarena/equiv/judge.h"
#include "rtlarena/run/text_table.h"
#include "second_judge_tally.h"

namespace rtlarena {

namespace {

class EquivMode final : public EvalMode {
 public:
  explicit EquivMode(equiv::EquivOptions options) : options_(std::move(options)) {}
  ModeId id() const override { return ModeId::Equiv; }
  std::string_view name() const override { return kEquivMode; }
  std::optional<ModeId> after() const override { return ModeId::Native; }

  std::optional<ModeJob> job(const Task&, const Subject& subject, const ModeResult* native) const override {
    if (subject.kind != SubjectKind::Sample || !native) return std::nullopt;
    ModeJob job;
    job.input = subject.record.code;
    if (!judgeableAfterNative(native->eval)) {
      job.settled = native->eval;  // refused or unreadable: nothing to prove
      job.settled->simulator = "equiv";
    }
    return job;
  }

  ModeResult evaluate(const Task& task, const ModeJob& job, const ModeResult*) const override {
    ModeResult r;
    const auto [reference, refTop] = equiv::taskReference(task);
    auto judged = equiv::judgeEquivalence(reference, refTop, job.input, task.top, options_);
    if (!judged) {
      r.eval.verdict = Verdict::HarnessError;
      r.eval.message = judged.error().message;
      return r;
    }
    r.eval = equiv::asEvaluation(*judged);
    return r;
  }

 private:
  equiv::EquivOptions options_;
};

// The summary's part: how many samples were proved, and where the testbench and the proof
// disagree (escapes: the testbench passes a design proved different).
Result<std::optional<ModeReport>> report(Store& store) {
  auto judged = store.evaluations(kEquivMode);
  if (!judged) return judged.error();
  if (judged->empty()) return std::optional<ModeReport>();
  auto native = store.evaluations(kNativeMode);
  if (!native) return native.error();
  const SecondJudgeTally tally =
      tallySecondJudge(*judged, *native, [](const Evaluation& e) { return e.cls == "not_equivalent"; });
  int equivalent = 0, notEquivalent = 0, unknown = 0, notJudged = 0;
  for (const auto& j : *judged) {
    if (!isComplete(j.eval)) continue;
    if (j.eval.passed()) ++equivalent;
    else if (j.eval.cls == "not_equivalent") ++notEquivalent;
    else if (j.eval.cls == "unknown") ++unknown;
    else ++notJudged;
  }
  nlohmann::json escapes = nlohmann::json::array(), reverse = nlohmann::json::array();
  for (const auto& [where, why] : tally.escapes) escapes.push_back({{"sample", where}, {"counterexample", why}});
  for (const auto& [where, verdict] : tally.reverse) reverse.push_back({{"sample", where}, {"testbench", verdict}});
  const double proved = tally.passAt1;
  const int incomplete = tally.incomplete;

  nlohmann::json j = {{"pass_at_1", proved},  {"equivalent", equivalent}, {"not_equivalent", notEquivalent},
                      {"unknown", unknown},   {"not_judged", notJudged},  {"incomplete", incomplete},
                      {"testbench_escapes", escapes}, {"proved_but_failed_testbench", reverse}};
  TextTable table({"equivalence judge", "samples"});
  table.add({"equivalent (proved)", std::to_string(equivalent)});
  table.add({"not equivalent (counterexample)", std::to_string(notEquivalent)});
  table.add({"unknown (never a pass)", std::to_string(unknown)});
  table.add({"not judged (refused or did not compile)", std::to_string(notJudged)});
  char head[96];
  std::snprintf(head, sizeof head, "\n  pass@1 by formal equivalence: %.1f%%\n", 100.0 * proved);
  std::string text = head + table.render();
  for (const auto& e : escapes)
    text += "  testbench escape: " + e["sample"].get<std::string>() + " passes the testbench, " +
            e["counterexample"].get<std::string>() + "\n";
  for (const auto& e : reverse)
    text += "  proved equivalent but " + e["testbench"].get<std::string>() + " in the testbench: " +
            e["sample"].get<std::string>() + "\n";
  return std::optional<ModeReport>(ModeReport{kEquivMode, j.dump(), text});
}

}  // namespace

Result<std::unique_ptr<EvalMode>> makeEquivMode(const ModeConfig& config) {
  equiv::EquivOptions o;
  o.sandbox = config.eval.sandbox;
  o.workRoot = config.eval.workRoot;
  o.timeout = config.judge.timeout;
  o.bound = config.judge.bound;
  return std::unique_ptr<EvalMode>(std::make_unique<EquivMode>(std::move(o)));
}

ModeReporter equivModeReporter() { return report; }

}  // namespace rtlarena
