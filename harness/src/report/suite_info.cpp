// What the report says about a suite beside the scores: each task's spec and reference (for
// the drill-down) and a note on contamination.
#include <filesystem>

#include "report_parts.h"
#include "rtlarena/tasks/dataset.h"
#include "rtlarena/tasks/suite.h"

namespace rtlarena::report {

namespace {

constexpr std::size_t kTextCap = 16000;

std::string capped(const std::string& s) {
  return s.size() <= kTextCap ? s : s.substr(0, kTextCap) + "\n... (" + std::to_string(s.size() - kTextCap) + " more bytes)";
}

Result<std::vector<Task>> loadAny(const std::string& suite) {
  for (const auto& name : listSuites())
    if (name == suite) return loadSuite(suite);
  if (suite.find(':') != std::string::npos) return loadDataset(suite);
  std::error_code ec;
  if (std::filesystem::is_directory(suite, ec)) return loadSuiteDir(suite, false);
  return makeError(ErrorCode::NotFound, suite + ": not a suite here");
}

}  // namespace

json suiteTasks(const std::string& suite) {
  json out = json::object();
  auto tasks = loadAny(suite);
  if (!tasks) return out;
  for (const auto& t : *tasks)
    out[t.id] = {{"spec", capped(t.spec)},
                 {"reference", capped(t.goldenCandidate.empty() ? t.reference : t.goldenCandidate)},
                 {"tags", t.tags},
                 {"difficulty", t.difficulty}};
  return out;
}

std::string contaminationNote(const std::string& suite) {
  const auto has = [&](const char* s) { return suite.find(s) != std::string::npos; };
  if (suite == "core" || suite == "ppa")
    return "Written for rtlarena and kept in this repository: a model trained on a crawl of public code made after the "
           "tasks were published may have seen them, so compare models of similar training cut-offs.";
  if (has("verilogeval"))
    return "VerilogEval's problems and references have been public since 2023: models trained later may have seen "
           "them, so a high score can reflect memory as well as skill.";
  if (has("rtllm"))
    return "RTLLM's designs and testbenches have been public since 2023: models trained later may have seen them.";
  return "No record of this suite's publication: treat scores of models trained after its tasks were written with care.";
}

}  // namespace rtlarena::report
