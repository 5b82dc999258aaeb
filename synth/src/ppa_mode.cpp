// The PPA mode (see ppa_mode.h). A stored entry made at another clock period than the task's
// current one does not count as held, so changing --clock-period refreshes it on resume.
#include "rtlarena/synth/ppa_mode.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "rtlarena/run/text_table.h"
#include "rtlarena/synth/flow_settings.h"
#include "rtlarena/synth/ppa_run.h"

namespace rtlarena::synth {

namespace {

std::string sampleKey(const std::string& taskId, int sample) { return taskId + "/" + std::to_string(sample); }

class PpaMode final : public EvalMode {
 public:
  explicit PpaMode(PpaRunOptions options) : options_(options), runner_(std::move(options)) {}
  ModeId id() const override { return ModeId::Ppa; }
  std::string_view name() const override { return kPpaExtraKind; }
  std::optional<ModeId> after() const override { return ModeId::Native; }
  Status check(const std::vector<Task>&) const override { return runner_.preflight(); }

  std::optional<ModeJob> job(const Task&, const Subject& subject, const ModeResult* native) const override {
    // Only what passed has a PPA worth comparing; controls are the reference itself.
    if (subject.kind != SubjectKind::Sample || !native || !native->eval.passed() || subject.record.code.empty())
      return std::nullopt;
    ModeJob job;
    job.input = subject.record.code;
    return job;
  }

  ModeResult evaluate(const Task& task, const ModeJob& job, const ModeResult*) const override {
    ModeResult r;
    auto ppa = runner_.evaluate(task, job.sample, job.input);
    if (!ppa) {
      r.fatal = ppa.error();
      return r;
    }
    r.payload = samplePpaToJson(*ppa);
    // The flow ran; its own verdicts (unsynthesizable, ...) are in the payload.
    r.eval.verdict = Verdict::Pass;
    return r;
  }

  Status store(Store& store, const Task& task, const Subject& subject, const ModeResult& result) const override {
    auto ppa = samplePpaFromJson(result.payload);
    if (!ppa) return ppa.error();
    ppa->taskId = task.id;
    ppa->sample = subject.record.sample;  // an identical sample's result, made its own
    return store.putExtra(kPpaExtraKind, sampleKey(task.id, ppa->sample), samplePpaToJson(*ppa));
  }

  Status load(Store& store, const std::vector<Task>& tasks, StoredResults& out) const override {
    auto extras = store.extras(kPpaExtraKind);
    if (!extras) return extras.error();
    std::map<std::string, const Task*> byId;
    for (const auto& t : tasks) byId[t.id] = &t;
    for (const auto& [key, json] : *extras) {
      auto ppa = samplePpaFromJson(json);
      if (!ppa) continue;  // made again
      auto t = byId.find(ppa->taskId);
      if (t == byId.end()) continue;
      if (ppa->candidate.ok() && std::fabs(ppa->candidate.clockPeriodNs - taskClockPeriod(*t->second, options_)) > 1e-9)
        continue;
      ModeResult r;
      r.eval.verdict = Verdict::Pass;
      r.payload = json;
      out[{kPpaExtraKind, ppa->taskId, ppa->sample}] = std::move(r);
    }
    return Ok{};
  }

 private:
  PpaRunOptions options_;
  mutable PpaRunner runner_;  ///< shares each task's reference PPA between workers
};

Result<std::optional<ModeReport>> report(Store& store) {
  auto extras = store.extras(kPpaExtraKind);
  if (!extras) return extras.error();
  if (extras->empty()) return std::optional<ModeReport>();
  auto summary = loadPpaSummary(store);
  if (!summary) return summary.error();
  return std::optional<ModeReport>(ModeReport{kPpaExtraKind, ppaSummaryJson(*summary), ppaSummaryText(*summary)});
}

std::string fixed3(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

}  // namespace

void registerPpaMode(ModeRegistry& registry) {
  registry.add(
      ModeId::Ppa,
      [](const ModeConfig& config) -> Result<std::unique_ptr<EvalMode>> {
        PpaRunOptions o;
        o.flow.sandbox = config.eval.sandbox;
        o.flow.cacheDir = config.ppa.useCache ? defaultCacheDir() : "";
        o.clockPeriodOverride = config.ppa.clockPeriodNs;
        o.simulationActivity = config.ppa.simulationActivity;
        return std::unique_ptr<EvalMode>(std::make_unique<PpaMode>(std::move(o)));
      },
      report);
}

std::string ppaSummaryText(const PpaSummary& s) {
  // "beats reference": better than the task's reference on area, delay and power at once.
  TextTable table({"task", "n", "area", "delay", "power", "score", "beats reference", "note"});
  for (const auto& t : s.tasks) {
    if (t.scored == 0) {
      table.add({t.taskId, std::to_string(t.samples), "-", "-", "-", "-", "-", t.verdictNote});
      continue;
    }
    table.add({t.taskId, std::to_string(t.scored), fixed3(t.ratios.area), fixed3(t.ratios.delay), fixed3(t.ratios.power),
               fixed3(t.ratios.score()), t.surpassing ? "yes" : "no", t.verdictNote});
  }
  if (s.scoredTasks > 0)
    table.add({"geometric mean", std::to_string(s.scored), fixed3(s.geomean.area), fixed3(s.geomean.delay),
               fixed3(s.geomean.power), fixed3(s.geomean.score()), std::to_string(s.humanSurpassing) + " task(s)", ""});
  else
    table.add({"geometric mean", "0", "-", "-", "-", "-", "-", ""});
  char tail[200];
  std::snprintf(tail, sizeof tail, "  PPA for %d passing samples (%d scored) over %d tasks; human-surpassing tasks: %d\n",
                s.samples, s.scored, s.scoredTasks, s.humanSurpassing);
  return "\n  PPA vs reference (ratio = candidate / reference; below 1 is better)\n" + table.render() + tail;
}

std::string ppaSummaryJson(const PpaSummary& s) {
  using nlohmann::json;
  json tasks = json::array();
  for (const auto& t : s.tasks) {
    json j = {{"task", t.taskId}, {"samples", t.samples}, {"scored", t.scored}, {"surpassing", t.surpassing},
              {"beats_reference", t.surpassing}};
    if (t.scored > 0) {
      j["area_ratio"] = t.ratios.area;
      j["delay_ratio"] = t.ratios.delay;
      j["power_ratio"] = t.ratios.power;
      j["score"] = t.ratios.score();
      j["area_um2"] = t.candidateArea;
      j["delay_ns"] = t.candidateDelay;
      j["power_uw"] = t.candidatePower;
      j["reference"] = {{"area_um2", t.referenceArea}, {"delay_ns", t.referenceDelay}, {"power_uw", t.referencePower}};
    }
    if (!t.verdictNote.empty()) j["note"] = t.verdictNote;
    tasks.push_back(j);
  }
  json j = {{"samples", s.samples},   {"scored", s.scored},       {"scored_tasks", s.scoredTasks},
            {"verdicts", s.verdicts}, {"human_surpassing", s.humanSurpassing}, {"tasks", tasks}};
  // Without a scored task there is no mean: null rather than a misleading 1.
  const bool any = s.scoredTasks > 0;
  j["area_ratio"] = any ? json(s.geomean.area) : json();
  j["delay_ratio"] = any ? json(s.geomean.delay) : json();
  j["power_ratio"] = any ? json(s.geomean.power) : json();
  j["score"] = any ? json(s.geomean.score()) : json();
  return j.dump();
}

}  // namespace rtlarena::synth
