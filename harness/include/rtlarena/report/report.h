// `rtlarena report`: stored runs and fuzz campaigns turned into a leaderboard. In: run
// directories (their stores, read through the run summary, so every figure is the one `run`
// prints), mutation analyses kept beside them, and fuzz campaign folders. Out: a self-contained site (index.html, charts and data
// inlined, no network), or the same tables as Markdown or CSV.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rtlarena/core/result.h"

namespace rtlarena::report {

enum class ReportFormat { Html, Markdown, Csv };

/// "html", "md" or "csv"; nullopt for anything else.
std::optional<ReportFormat> reportFormatFromName(std::string_view name);

struct ReportInputs {
  /// Each a run (results.sqlite), a mutation analysis (analysis.json of `mutate --out`), or a
  /// folder holding them up to two levels down (runs/).
  std::vector<std::string> runDirs;
  std::vector<std::string> fuzzDirs;  ///< a campaign folder (summary.json) or a folder of them
  std::vector<std::string> checkFiles;     ///< saved `rtlarena check --json` outputs
  std::vector<std::string> mutationFiles;  ///< saved `rtlarena mutate --json` outputs
};

/// Every figure of the report as one JSON document: the page embeds it, the tables are made
/// from it. NotFound/Parse errors name the run or campaign folder that was wrong.
Result<std::string> reportDataJson(const ReportInputs& inputs);

/// The folder holding the charting bundles (node_modules of harness/report_assets) and the
/// page's own template: $RTLARENA_REPORT_ASSETS, else the folder configured at build time.
std::filesystem::path reportAssetsDir();

/// Writes the report into `outDir` (created): index.html; or report.md; or one CSV per table.
/// ToolMissing (with the command that installs them) when the chart bundles are missing.
/// Nothing is written when any input is wrong.
Status writeReport(const ReportInputs& inputs, const std::filesystem::path& outDir, ReportFormat format);

/// The files `writeReport` would write for `format`, from a data document (name → content).
/// Html needs the assets; Markdown and CSV do not.
Result<std::vector<std::pair<std::string, std::string>>> renderReport(const std::string& dataJson, ReportFormat format);

}  // namespace rtlarena::report
