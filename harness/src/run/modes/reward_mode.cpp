// The reward mode (`rtlarena serve`): after the native mode, the native verdict
// shaped into a reward (serve/reward.h). When the task's suite is judged by
// another function judge ([function] judge: differential or equiv), that judge's
// mode runs on what the testbench could judge (it compiled, the policy passed)
// and decides the function component. For a pass, when the config asks for
// it, the PPA mode (registered by whoever links synthesis) measures the design
// and its score becomes the bonus. It never runs a tool of its own: every
// verdict is a mode's, so a reward says no more than a verdict.
#include <chrono>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>

#include "modes.h"

namespace rtlarena {

namespace {

class RewardMode final : public EvalMode {
 public:
  explicit RewardMode(ModeConfig config) : config_(std::move(config)) {}
  ModeId id() const override { return ModeId::Reward; }
  std::string_view name() const override { return kRewardMode; }
  std::optional<ModeId> after() const override { return ModeId::Native; }

  Status check(const std::vector<Task>& tasks) const override {
    std::map<FunctionJudge, std::vector<Task>> byJudge;
    for (const auto& t : tasks) byJudge[config_.reward.judgeFor(t.suite)].push_back(t);
    for (const auto& [judge, judged] : byJudge) {
      if (judge == FunctionJudge::Testbench) continue;
      auto mode = functionMode(judge);
      if (!mode) return mode.error();
      if (auto s = (*mode)->check(judged); !s)
        return makeError(s.error().code, "function judge '" + std::string(functionJudgeName(judge)) + "': " + s.error().message);
    }
    if (!config_.reward.ppaEnabled) return Ok{};
    if (auto ppa = ppaMode(); !ppa) return ppa.error();
    return ppa_->check(tasks);
  }

  std::optional<ModeJob> job(const Task&, const Subject& subject, const ModeResult* native) const override {
    if (!native) return std::nullopt;
    ModeJob job;
    job.input = subject.record.code;
    job.sample = subject.record.sample;
    return job;
  }

  ModeResult evaluate(const Task& task, const ModeJob& job, const ModeResult* native) const override {
    ModeResult r;
    r.eval = native->eval;
    r.derived = true;
    const FunctionJudge judge = config_.reward.judgeFor(task.suite);
    std::optional<Evaluation> function;
    if (judge != FunctionJudge::Testbench && judgeableAfterNative(native->eval)) {
      auto mode = functionMode(judge);
      if (!mode) {
        r.fatal = mode.error();
        return r;
      }
      Subject s;
      s.record.code = job.input;
      s.record.taskId = task.id;
      if (auto fj = (*mode)->job(task, s, native))
        function = fj->settled ? *fj->settled : (*mode)->evaluate(task, *fj, native).eval;
    }
    const bool functionPassed = function ? function->passed() : native->eval.passed();
    std::optional<double> ppaScore;
    nlohmann::json ppaJson;
    if (config_.reward.ppaEnabled && functionPassed) {
      auto ppa = ppaMode();
      if (!ppa) {
        r.fatal = ppa.error();
        return r;
      }
      Subject s;
      s.record.code = job.input;
      s.record.taskId = task.id;
      if (auto pj = ppa_->job(task, s, native)) {
        ModeResult pr = ppa_->evaluate(task, *pj, native);
        if (pr.fatal) {
          r.fatal = pr.fatal;
          return r;
        }
        ppaJson = nlohmann::json::parse(pr.payload, nullptr, false);
        if (ppaJson.is_object() && ppaJson.value("scored", false) && ppaJson.contains("score"))
          ppaScore = ppaJson["score"].get<double>();
      }
    }
    RewardBreakdown b = shapeJudgedReward(config_.reward, judge, native->eval, function ? &*function : nullptr, ppaScore);
    nlohmann::json j = {{"reward", b.reward},
                        {"components", {{"format", b.format}, {"syntax", b.syntax}, {"function", b.function}, {"ppa", b.ppa}}},
                        {"note", b.note},
                        {"function_judge", functionJudgeName(judge)}};
    if (function) {
      j["function_verdict"] = verdictName(function->verdict);
      j["function_class"] = function->cls;
      j["function_message"] = function->message;
      if (function->samples >= 0) j["function_samples"] = function->samples;
      if (function->mismatches >= 0) j["function_mismatches"] = function->mismatches;
      j["function_seconds"] = function->wallSeconds;
      // rtlarena's own failure in the judge: no reward, not cached (the service reads "error").
      if (function->verdict == Verdict::HarnessError) {
        j["error"] = function->message;
        j["reward"] = 0.0;
      }
    }
    if (ppaScore) j["ppa_score"] = *ppaScore;
    r.payload = j.dump();
    return r;
  }

  // Rewards are answers to a client, not part of a run's record.
  Status store(Store&, const Task&, const Subject&, const ModeResult&) const override { return Ok{}; }
  Status load(Store&, const std::vector<Task>&, StoredResults&) const override { return Ok{}; }

 private:
  // The mode of a function judge, made on first use with its upstream (the native mode), its
  // budget from the [function] table.
  Result<const EvalMode*> functionMode(FunctionJudge judge) const {
    const ModeId id = judge == FunctionJudge::Equiv ? ModeId::Equiv : ModeId::Differential;
    std::lock_guard lock(mutex_);
    if (auto it = judges_.find(id); it != judges_.end()) return it->second.get();
    ModeConfig c = config_;
    c.differential = config_.reward.differential;
    c.judge.timeout = std::chrono::milliseconds(static_cast<long long>(config_.reward.equivTimeoutSeconds * 1000));
    auto made = ModeRegistry::global().make({ModeId::Native, id}, c);
    if (!made) return made.error();
    for (auto& m : *made)
      if (m->id() == id) judges_[id] = std::move(m);
    return judges_[id].get();
  }
  // Made on first use: the registry is locked while it makes this mode.
  Status ppaMode() const {
    std::lock_guard lock(mutex_);
    if (ppa_) return Ok{};
    // Made with its upstream, as the registry requires; only the PPA mode is kept.
    auto made = ModeRegistry::global().make({ModeId::Native, ModeId::Ppa}, config_);
    if (!made) return made.error();
    for (auto& m : *made)
      if (m->id() == ModeId::Ppa) ppa_ = std::move(m);
    return Ok{};
  }
  ModeConfig config_;
  mutable std::mutex mutex_;
  mutable std::unique_ptr<EvalMode> ppa_;
  mutable std::map<ModeId, std::unique_ptr<EvalMode>> judges_;
};

}  // namespace

Result<std::unique_ptr<EvalMode>> makeRewardMode(const ModeConfig& config) {
  return std::unique_ptr<EvalMode>(std::make_unique<RewardMode>(config));
}

}  // namespace rtlarena
