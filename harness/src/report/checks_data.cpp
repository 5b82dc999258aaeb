// Assertion checks and mutation analyses for the report, read from the JSON that
// `rtlarena check --json` and `rtlarena mutate --json` print (saved to files).
#include "report_parts.h"
#include "rtlarena/core/files.h"

namespace rtlarena::report {

namespace {

Result<json> readJson(const std::string& file, const char* flag) {
  auto text = readFile(file);
  if (!text) return makeError(ErrorCode::NotFound, std::string(flag) + " " + file + ": " + text.error().message);
  json j = json::parse(*text, nullptr, false);
  if (j.is_discarded()) return makeError(ErrorCode::Parse, std::string(flag) + " " + file + ": not JSON");
  return j;
}

}  // namespace

Result<json> assertionCheck(const std::string& file) {
  auto j = readJson(file, "--checks");
  if (!j) return j.error();
  if (!j->is_object() || !(*j)["summary"].is_object() || !(*j)["summary"].contains("total"))
    return makeError(ErrorCode::Parse, "--checks " + file + ": not the output of `rtlarena check --json` (no summary.total)");
  return json{{"file", file}, {"top", j->value("top", "")}, {"summary", (*j)["summary"]}};
}

Result<json> mutationAnalysis(const std::string& file) {
  auto j = readJson(file, "--mutation");
  if (!j) return j.error();
  if (!j->is_object() || !(*j)["tasks"].is_object())
    return makeError(ErrorCode::Parse, "--mutation " + file + ": not the output of `rtlarena mutate --json` (no tasks object)");
  json tasks = json::array();
  double sum = 0;
  int scored = 0;
  for (const auto& [id, t] : (*j)["tasks"].items()) {
    json row = {{"task", id}};
    for (const char* k : {"mutants", "killed", "survived", "equivalent", "unknown", "kill_score"})
      row[k] = t.contains(k) ? t[k] : json();
    if (row["kill_score"].is_number()) sum += row["kill_score"].get<double>(), ++scored;
    tasks.push_back(row);
  }
  return json{{"file", file}, {"tasks", tasks}, {"mean_kill_score", scored ? json(sum / scored) : json()}};
}

}  // namespace rtlarena::report
