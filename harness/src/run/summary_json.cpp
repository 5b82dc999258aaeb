// The JSON rendering of a run summary: the object `rtlarena run --json` prints (README.md).
#include <nlohmann/json.hpp>

#include "rtlarena/core/json_tidy.h"
#include "rtlarena/run/summary.h"

namespace rtlarena {

using nlohmann::json;

namespace {

json byK(const std::map<int, double>& m) {
  json j = json::object();
  for (const auto& [k, v] : m) j[std::to_string(k)] = v;
  return j;
}

json intervals(const std::map<int, Interval>& m) {
  json j = json::object();
  for (const auto& [k, v] : m) j[std::to_string(k)] = {v.low, v.high};
  return j;
}

json perGroup(const std::map<std::string, std::map<int, double>>& m) {
  json j = json::object();
  for (const auto& [name, values] : m) j[name] = byK(values);
  return j;
}

}  // namespace

std::string summaryJson(const RunSummary& s) {
  json j = {{"run_id", s.runId},
            {"suite", s.suite},
            {"model", s.model},
            {"tasks", s.tasks},
            {"samples", s.samples},
            {"complete_samples", s.completeSamples},
            {"incomplete", {{"harness_error", s.incomplete.harnessError}, {"llm_error", s.incomplete.llmError}}},
            {"unscored_tasks", s.unscoredTasks},
            {"pass_at", byK(s.passAt)},
            {"pass_at_ci95", intervals(s.score.overallCi)},
            {"pass_at_by_tag", perGroup(s.score.byTag)},
            {"pass_at_by_difficulty", perGroup(s.score.byDifficulty)},
            {"verdicts", s.verdicts},
            {"failure_classes", s.failureClasses},
            {"wall_seconds", s.wallSeconds},
            {"out", s.outDir},
            {"evaluated_now", s.evaluated},
            {"reused_now", s.reused},
            {"tool_seconds", s.toolSeconds}};
  j["stage_rates"] = s.stageRates;
  json tasks = json::array();
  for (const auto& t : s.taskOutcomes)
    tasks.push_back({{"task", t.task}, {"complete", t.complete}, {"passed", t.passed}, {"incomplete", t.incomplete},
                     {"verdict", t.complete ? json(t.verdict) : json(nullptr)}, {"class", t.cls}, {"reason", t.reason}});
  j["task_outcomes"] = tasks;
  if (!s.incompleteReasons.empty()) j["incomplete_reasons"] = s.incompleteReasons;
  if (!s.incompleteOtherModes.empty()) j["incomplete_other_modes"] = s.incompleteOtherModes;
  j["golden_ceiling"] = s.goldenCeiling;
  j["negative_control"] = s.negativeControl;
  j["excluded_tasks"] = s.excludedTasks;
  if (s.verilogEvalScore) {
    j["verilogeval_score"] = *s.verilogEvalScore;
    j["verilogeval_codes"] = s.compatCodes;
    j["verilogeval_only_passes"] = s.compatOnlyPasses;
    j["verilogeval_evaluated_now"] = s.compatEvaluated;
    j["verilogeval_from_native_now"] = s.compatFromNative;
    j["verilogeval_reused_now"] = s.compatReused;
    if (s.verilogEvalScoreKept) {
      j["verilogeval_score_without_errata"] = *s.verilogEvalScoreKept;
      j["verilogeval_excluded_tasks"] = s.verilogEvalExcludedTasks;
    }
  }
  if (s.secondSimulatorSamples > 0) j["simulator_disagreements"] = s.disagreements;
  if (s.cost) j["cost"] = {{"usd", s.cost->usd}, {"tokens_in", s.cost->tokensIn}, {"tokens_out", s.cost->tokensOut}};
  for (const auto& r : s.modeReports) j[r.name] = json::parse(r.jsonText, nullptr, false);
  return tidyJson(std::move(j)).dump();
}

}  // namespace rtlarena
