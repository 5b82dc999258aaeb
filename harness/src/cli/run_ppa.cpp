// The PPA columns of `rtlarena run --ppa` (scoring formula: docs/PPA.md).
#include "run_ppa.h"

#include <cstdio>
#include <filesystem>

#include "rtlarena/store/store.h"

namespace rtlarena::cli {

void addRunPpaFlags(CLI::App* sub, RunPpaFlags& f) {
  sub->add_flag("--ppa", f.enabled, "Also synthesize every passing sample and its reference: area, delay, power ratios");
  sub->add_option("--clock-period", f.clockPeriod, "PPA clock period in ns for every task (default: per task, else 10)")
      ->check(CLI::PositiveNumber);
  sub->add_option("--ppa-activity", f.activity, "Input activity for power: sim (the task's testbench) | default")
      ->check(CLI::IsMember({"sim", "default"}))->capture_default_str();
  sub->add_flag("--ppa-no-cache", f.noCache, "Do not use the PPA cache");
}

Result<std::shared_ptr<synth::PpaRunner>> setUpRunPpa(const RunPpaFlags& f, RunOptions& options) {
  if (!f.enabled) return std::shared_ptr<synth::PpaRunner>();
  synth::PpaRunOptions o;
  o.flow.sandbox = options.eval.sandbox;
  o.flow.cacheDir = f.noCache ? "" : synth::defaultCacheDir();
  if (f.clockPeriod > 0) o.clockPeriodOverride = f.clockPeriod;
  o.simulationActivity = f.activity == "sim";
  auto runner = std::make_shared<synth::PpaRunner>(o);
  if (auto s = runner->preflight(); !s) return s.error();
  options.onPass = [runner](const Task& t, int sample, const std::string& code, const Evaluation& e, Store& store) {
    runner->onPass(t, sample, code, e, store);
  };
  return runner;
}

Result<synth::PpaSummary> finishRunPpa(synth::PpaRunner& runner, const RunOptions& options) {
  if (auto e = runner.firstError()) return *e;
  auto store = Store::open(std::filesystem::path(options.outDir) / "results.sqlite");
  if (!store) return store.error();
  if (auto s = runner.backfill(options.tasks, **store); !s) return s.error();
  return synth::loadPpaSummary(**store);
}

void printPpaSummary(const synth::PpaSummary& s) {
  std::printf("\n  PPA vs reference (ratio = candidate / reference; below 1 is better)\n");
  std::printf("  %-24s %4s %9s %9s %9s %9s  %s\n", "task", "n", "area", "delay", "power", "score", "");
  for (const auto& t : s.tasks) {
    if (t.scored == 0) {
      std::printf("  %-24s %4d %9s %9s %9s %9s  %s\n", t.taskId.c_str(), t.samples, "-", "-", "-", "-", t.verdictNote.c_str());
      continue;
    }
    std::printf("  %-24s %4d %9.3f %9.3f %9.3f %9.3f  %s%s\n", t.taskId.c_str(), t.scored, t.ratios.area,
                t.ratios.delay, t.ratios.power, t.ratios.score(), t.surpassing ? "beats reference" : "",
                t.verdictNote.empty() ? "" : ("  " + t.verdictNote).c_str());
  }
  if (s.scoredTasks > 0)
    std::printf("  %-24s %4d %9.3f %9.3f %9.3f %9.3f\n", "geometric mean", s.scored, s.geomean.area, s.geomean.delay,
                s.geomean.power, s.geomean.score());
  else
    std::printf("  %-24s %4d %9s %9s %9s %9s\n", "geometric mean", 0, "-", "-", "-", "-");
  std::printf("  PPA for %d passing samples (%d scored) over %d tasks; human-surpassing tasks: %d\n", s.samples,
              s.scored, s.scoredTasks, s.humanSurpassing);
}

nlohmann::json ppaSummaryJson(const synth::PpaSummary& s) {
  nlohmann::json tasks = nlohmann::json::array();
  for (const auto& t : s.tasks) {
    nlohmann::json j = {{"task", t.taskId}, {"samples", t.samples}, {"scored", t.scored}, {"surpassing", t.surpassing}};
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
  nlohmann::json j = {{"samples", s.samples},
                      {"scored", s.scored},
                      {"scored_tasks", s.scoredTasks},
                      {"verdicts", s.verdicts},
                      {"human_surpassing", s.humanSurpassing},
                      {"tasks", tasks}};
  // Without a scored task there is no mean: null rather than a misleading 1.
  const bool any = s.scoredTasks > 0;
  j["area_ratio"] = any ? nlohmann::json(s.geomean.area) : nlohmann::json();
  j["delay_ratio"] = any ? nlohmann::json(s.geomean.delay) : nlohmann::json();
  j["power_ratio"] = any ? nlohmann::json(s.geomean.power) : nlohmann::json();
  j["score"] = any ? nlohmann::json(s.geomean.score()) : nlohmann::json();
  return j;
}

}  // namespace rtlarena::cli
