// The report's entry points: gather every input into one data document first (so a wrong
// input stops the command before anything is written), then render it in the asked format.
#include "rtlarena/report/report.h"

#include <cstdlib>
#include <set>

#include "report_parts.h"
#include "rtlarena/core/files.h"

namespace rtlarena::report {

namespace fs = std::filesystem;

std::optional<ReportFormat> reportFormatFromName(std::string_view name) {
  if (name == "html") return ReportFormat::Html;
  if (name == "md") return ReportFormat::Markdown;
  if (name == "csv") return ReportFormat::Csv;
  return std::nullopt;
}

fs::path reportAssetsDir() {
  if (const char* env = std::getenv("RTLARENA_REPORT_ASSETS"); env && *env) return env;
  return RTLARENA_REPORT_ASSETS_DIR;
}

Result<std::string> reportDataJson(const ReportInputs& inputs) {
  if (inputs.runDirs.empty() && inputs.fuzzDirs.empty() && inputs.checkFiles.empty() && inputs.mutationFiles.empty())
    return makeError(ErrorCode::BadArgument, "report: give at least one run directory or --fuzz campaign folder");
  // A folder named and also found under a named folder (`runs runs/a`) counts once.
  std::vector<std::string> runDirs, analysisDirs;
  std::set<fs::path> seen;
  auto add = [&](std::vector<std::string>& to, const std::string& dir) {
    std::error_code ec;
    if (seen.insert(fs::weakly_canonical(dir, ec)).second) to.push_back(dir);
  };
  for (const auto& dir : inputs.runDirs) {
    auto found = storedFolders(dir);
    if (!found) return found.error();
    for (const auto& d : found->runs) add(runDirs, d);
    for (const auto& d : found->analyses) add(analysisDirs, d);
  }
  json runs = json::array();
  std::set<std::string> suites;
  for (const auto& dir : runDirs) {
    auto run = runData(dir);
    if (!run) return run.error();
    suites.insert((*run)["suite"].get<std::string>());
    runs.push_back(std::move(*run));
  }
  json suiteInfo = json::object();
  for (const auto& s : suites) suiteInfo[s] = {{"note", contaminationNote(s)}, {"tasks", suiteTasks(s)}};
  json campaigns = json::array();
  for (const auto& dir : inputs.fuzzDirs) {
    auto list = fuzzCampaigns(dir);
    if (!list) return list.error();
    for (auto& c : *list) campaigns.push_back(std::move(c));
  }
  json checks = json::array(), mutation = json::array();
  for (const auto& file : inputs.checkFiles) {
    auto c = assertionCheck(file);
    if (!c) return c.error();
    checks.push_back(std::move(*c));
  }
  for (const auto& dir : analysisDirs) {
    auto m = mutationFolder(dir);
    if (!m) return m.error();
    mutation.push_back(std::move(*m));
  }
  for (const auto& file : inputs.mutationFiles) {
    auto m = mutationAnalysis(file);
    if (!m) return m.error();
    mutation.push_back(std::move(*m));
  }
  json data = {{"schema", 1},
               {"checks", checks},
               {"mutation", mutation},
               {"kill_scores", killScores(mutation)},
               {"runs", runs},
               {"leaderboard", leaderboardRows(runs)},
               {"suites", suiteInfo},
               {"fuzz", {{"campaigns", campaigns}, {"bands", coverageBands(campaigns)}, {"bugs", bugTable(campaigns)}}}};
  return data.dump();
}

Result<std::vector<std::pair<std::string, std::string>>> renderReport(const std::string& dataJson, ReportFormat format) {
  json data = json::parse(dataJson, nullptr, false);
  if (data.is_discarded()) return makeError(ErrorCode::Parse, "report data: not JSON");
  switch (format) {
    case ReportFormat::Markdown: return std::vector<std::pair<std::string, std::string>>{{"report.md", markdownTables(data)}};
    case ReportFormat::Csv: return csvTables(data);
    case ReportFormat::Html: break;
  }
  auto page = htmlPage(data);
  if (!page) return page.error();
  return std::vector<std::pair<std::string, std::string>>{{"index.html", *page}};
}

Status writeReport(const ReportInputs& inputs, const fs::path& outDir, ReportFormat format) {
  auto data = reportDataJson(inputs);
  if (!data) return data.error();
  auto files = renderReport(*data, format);
  if (!files) return files.error();
  std::error_code ec;
  fs::create_directories(outDir, ec);
  if (ec) return makeError(ErrorCode::Io, outDir.string() + ": cannot create: " + ec.message());
  for (const auto& [name, content] : *files)
    if (auto s = writeFile(outDir / name, content); !s) return s;
  return Ok{};
}

}  // namespace rtlarena::report
