// The leaderboard: one row per model x suite. Its numbers are copied from the runs' summaries,
// never computed again; a tool-feedback run fills its single-shot row's feedback columns.
#include "report_parts.h"

namespace rtlarena::report {

namespace {

json value(const json& m, const char* key) { return m.is_object() && m.contains(key) ? m[key] : json(); }

std::string toolsLine(const json& versions) {
  std::string out;
  if (!versions.is_object()) return out;
  for (const auto& [name, v] : versions.items()) {
    if (!v.is_string() || v.get<std::string>().empty()) continue;
    out += (out.empty() ? "" : "; ") + name + " " + v.get<std::string>();
  }
  return out;
}

json row(const json& run, std::size_t index) {
  const json& inc = run["incomplete"];
  return {{"run", index},
          {"model", run["model"]},
          {"suite", run["suite"]},
          {"setting", run["setting"]},
          {"pass_at", run["pass_at"]},
          {"pass_at_ci95", run["pass_at_ci95"]},
          {"samples_per_task", run["samples_per_task"]},
          {"tasks", run["scored_tasks"]},
          {"samples", run["samples"]},
          {"complete_samples", run["complete_samples"]},
          {"incomplete", inc.value("harness_error", 0) + inc.value("llm_error", 0)},
          {"golden_ceiling", value(run["golden_ceiling"], "native")},
          {"negative_control", value(run["negative_control"], "native")},
          {"verilogeval_score", run["verilogeval_score"]},
          {"tokens_in", run["tokens_in"]},
          {"tokens_out", run["tokens_out"]},
          {"cost_usd", run["cost_usd"]},
          {"created_at", run["created_at"]},
          {"tools", toolsLine(run["tool_versions"])},
          {"git_revision", run["git_revision"]},
          {"run_id", run["run_id"]},
          {"feedback_pass_at", json()},
          {"feedback_pass_at_ci95", json()}};
}

}  // namespace

json leaderboardRows(const json& runs) {
  json rows = json::array();
  for (std::size_t i = 0; i < runs.size(); ++i)
    if (runs[i]["setting"] == "single-shot") rows.push_back(row(runs[i], i));
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const json& run = runs[i];
    if (run["setting"] == "single-shot") continue;
    bool joined = false;
    for (auto& r : rows)
      if (r["model"] == run["model"] && r["suite"] == run["suite"] && r["feedback_pass_at"].is_null()) {
        r["feedback_pass_at"] = run["pass_at"];
        r["feedback_pass_at_ci95"] = run["pass_at_ci95"];
        joined = true;
        break;
      }
    if (!joined) {
      json r = row(run, i);  // no single-shot run of this model: only the feedback columns
      r["pass_at"] = json::object();
      r["pass_at_ci95"] = json::object();
      r["feedback_pass_at"] = run["pass_at"];
      r["feedback_pass_at_ci95"] = run["pass_at_ci95"];
      rows.push_back(r);
    }
  }
  return rows;
}

}  // namespace rtlarena::report
