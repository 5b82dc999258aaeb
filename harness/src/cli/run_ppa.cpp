// The PPA columns of `rtlarena run --ppa` (scoring formula: docs/PPA.md).
#include "run_ppa.h"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>

#include "rtlarena/run/text_table.h"
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

std::string ppaSummaryText(const synth::PpaSummary& s) {
  TextTable table({"task", "n", "area", "delay", "power", "score", "note"});
  auto ratio = [](double v) { return fmt::format("{:.3f}", v); };
  for (const auto& t : s.tasks) {
    if (t.scored == 0) {
      table.add({t.taskId, std::to_string(t.samples), "-", "-", "-", "-", t.verdictNote});
      continue;
    }
    std::string note = t.surpassing ? "beats reference" : "";
    if (!t.verdictNote.empty()) note += (note.empty() ? "" : "; ") + t.verdictNote;
    table.add({t.taskId, std::to_string(t.scored), ratio(t.ratios.area), ratio(t.ratios.delay), ratio(t.ratios.power),
               ratio(t.ratios.score()), note});
  }
  if (s.scoredTasks > 0)
    table.add({"geometric mean", std::to_string(s.scored), ratio(s.geomean.area), ratio(s.geomean.delay),
               ratio(s.geomean.power), ratio(s.geomean.score()), ""});
  else
    table.add({"geometric mean", "0", "-", "-", "-", "-", ""});
  return "\n  PPA vs reference (ratio = candidate / reference; below 1 is better)\n" + table.render() +
         fmt::format("  PPA for {} passing samples ({} scored) over {} tasks; human-surpassing tasks: {}\n", s.samples,
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
