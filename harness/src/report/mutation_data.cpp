// Mutation analyses for the report: folders `rtlarena mutate --out` keeps beside runs, and saved
// `rtlarena mutate --json` output. Both become one entry per analysis: its suite, its tasks
// weakest testbench first with each survivor, and the mean kill score.
#include <algorithm>
#include <filesystem>

#include "report_parts.h"
#include "rtlarena/core/files.h"
#include "rtlarena/mutate/mutation_store.h"

namespace rtlarena::report {

namespace fs = std::filesystem;

namespace {

Result<json> readJson(const std::string& file, const std::string& what) {
  auto text = readFile(file);
  if (!text) return makeError(ErrorCode::NotFound, what + " " + file + ": " + text.error().message);
  json j = json::parse(*text, nullptr, false);
  if (j.is_discarded()) return makeError(ErrorCode::Parse, what + " " + file + ": not JSON");
  return j;
}

// The unscored (no mutant killed or survived, or none could be made) first, as `mutate` prints.
bool weaker(const json& a, const json& b) {
  const double ka = a["kill_score"].is_number() ? a["kill_score"].get<double>() : -1;
  const double kb = b["kill_score"].is_number() ? b["kill_score"].get<double>() : -1;
  if (ka != kb) return ka < kb;
  return a["task"].get<std::string>() < b["task"].get<std::string>();
}

// `tasks` as mutationJson writes it, turned into the entry's rows.
json analysisEntry(const json& tasksObject, const std::string& source, const std::string& suite) {
  json tasks = json::array();
  double sum = 0;
  int scored = 0;
  for (const auto& [id, t] : tasksObject.items()) {
    json row = {{"task", id}};
    for (const char* k : {"mutants", "killed", "survived", "equivalent", "unknown", "errors", "kill_score"})
      row[k] = t.contains(k) ? t[k] : json();
    row["error"] = t.value("error", "");
    row["survivors"] = t.contains("survivors") && t["survivors"].is_array() ? t["survivors"] : json::array();
    if (row["kill_score"].is_number()) sum += row["kill_score"].get<double>(), ++scored;
    tasks.push_back(row);
  }
  std::sort(tasks.begin(), tasks.end(), weaker);
  return json{{"file", source},
              {"suite", suite},
              {"tasks", tasks},
              {"mean_kill_score", scored ? json(sum / scored) : json()},
              {"complete", true}};
}

std::string suiteOf(const json& config) {
  if (!config.is_object()) return "";
  const std::string suite = config.value("suite", "");
  return suite.empty() ? config.value("dataset", "") : suite;
}

}  // namespace

bool isAnalysisFolder(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / mutate::kAnalysisFile, ec);
}

Result<json> mutationAnalysis(const std::string& file) {
  auto j = readJson(file, "--mutation");
  if (!j) return j.error();
  if (!j->is_object() || !(*j)["tasks"].is_object())
    return makeError(ErrorCode::Parse, "--mutation " + file + ": not the output of `rtlarena mutate --json` (no tasks object)");
  json entry = analysisEntry((*j)["tasks"], file, suiteOf(j->value("config", json())));
  if (j->contains("complete") && (*j)["complete"].is_boolean()) entry["complete"] = (*j)["complete"];
  return entry;
}

Result<json> mutationFolder(const std::string& dir) {
  const std::string identityFile = (fs::path(dir) / mutate::kAnalysisFile).string();
  auto identity = readJson(identityFile, "mutation analysis");
  if (!identity) return identity.error();
  if (!identity->is_object() || identity->value("kind", "") != mutate::kAnalysisKind || !(*identity)["config"].is_object())
    return makeError(ErrorCode::Parse, identityFile + ": not a mutation analysis of `rtlarena mutate --out` (kind, config)");
  const json& config = (*identity)["config"];
  const fs::path reportFile = fs::path(dir) / mutate::kReportFile;
  std::error_code ec;
  json entry;
  if (!fs::exists(reportFile, ec)) {
    entry = analysisEntry(json::object(), dir, suiteOf(config));  // started, no task finished yet
    entry["complete"] = false;
  } else {
    auto report = readJson(reportFile.string(), "mutation analysis");
    if (!report) return report.error();
    if (!report->is_object() || !(*report)["tasks"].is_object())
      return makeError(ErrorCode::Parse, reportFile.string() + ": not a mutation report (no tasks object)");
    entry = analysisEntry((*report)["tasks"], dir, suiteOf(config));
    entry["complete"] = report->value("complete", false);
  }
  entry["config"] = config;
  entry["tool_versions"] = identity->value("tool_versions", json::object());
  entry["created_at"] = identity->value("created_at", "");
  return entry;
}

json killScores(const json& analyses) {
  json out = json::object();
  for (const auto& a : analyses) {
    const std::string suite = a.value("suite", "");
    if (suite.empty()) continue;
    for (const auto& row : a["tasks"])
      if (!out[suite].contains(row["task"].get<std::string>())) out[suite][row["task"].get<std::string>()] = row["kill_score"];
  }
  return out;
}

}  // namespace rtlarena::report
