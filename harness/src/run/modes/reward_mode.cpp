// The reward mode (`rtlarena serve`): after the native mode, the native verdict
// shaped into a reward (serve/reward.h). For a pass, when the config asks for
// it, the PPA mode (registered by whoever links synthesis) measures the design
// and its score becomes the bonus. It never runs a tool of its own: the verdict
// is the native mode's, so a reward says no more than a verdict.
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
    std::optional<double> ppaScore;
    nlohmann::json ppaJson;
    if (config_.reward.ppaEnabled && native->eval.passed()) {
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
    const RewardBreakdown b = shapeReward(config_.reward, native->eval, ppaScore);
    nlohmann::json j = {{"reward", b.reward},
                        {"components", {{"format", b.format}, {"syntax", b.syntax}, {"function", b.function}, {"ppa", b.ppa}}},
                        {"note", b.note}};
    if (ppaScore) j["ppa_score"] = *ppaScore;
    r.payload = j.dump();
    return r;
  }

  // Rewards are answers to a client, not part of a run's record.
  Status store(Store&, const Task&, const Subject&, const ModeResult&) const override { return Ok{}; }
  Status load(Store&, const std::vector<Task>&, StoredResults&) const override { return Ok{}; }

 private:
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
};

}  // namespace

Result<std::unique_ptr<EvalMode>> makeRewardMode(const ModeConfig& config) {
  return std::unique_ptr<EvalMode>(std::make_unique<RewardMode>(config));
}

}  // namespace rtlarena
