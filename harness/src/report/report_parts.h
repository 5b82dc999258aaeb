// The parts of the report, shared by its source files only: the data document is built from
// runs (run_data.cpp), mutation analyses (mutation_data.cpp, found beside runs by
// stored_folders.cpp) and fuzz campaigns (fuzz_data.cpp), grouped into the leaderboard
// (leaderboard.cpp) and rendered as tables (tables.cpp) or as the page (html_page.cpp).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "rtlarena/core/result.h"

namespace rtlarena::report {

using nlohmann::json;

/// One run directory: its summary (the run's own figures), identity, tokens, cost, failure
/// taxonomy, per-task pass rates with one drill-down sample each, and what modes stored.
Result<json> runData(const std::string& dir);

/// Spec and reference of each task of `suite`, when the suite can still be loaded (best
/// effort: a report of a dataset that moved shows the prompt stored with the samples).
json suiteTasks(const std::string& suite);

/// The campaigns under `dir` (a campaign folder, or a folder of them, searched two deep).
Result<json> fuzzCampaigns(const std::string& dir);

/// Coverage vs tests per (core, bug, algorithm) across seeds: median and min-max band.
json coverageBands(const json& campaigns);

/// Time to bug per (core, bug, algorithm) across seeds.
json bugTable(const json& campaigns);

/// One `rtlarena check --json` output: its top and verdict counts.
Result<json> assertionCheck(const std::string& file);

/// The runs and mutation analyses a folder given to `report` holds: itself, or its folders up
/// to two deep. NotFound, naming `dir`, when it holds neither.
struct StoredFolders {
  std::vector<std::string> runs;
  std::vector<std::string> analyses;
};
Result<StoredFolders> storedFolders(const std::string& dir);

/// Whether `dir` holds a mutation analysis kept by `rtlarena mutate --out`.
bool isAnalysisFolder(const std::filesystem::path& dir);

/// One `rtlarena mutate --json` output: its tasks weakest first (each with its survivors), their
/// mean kill score, and the suite when the file names it (a stored analysis's mutation.json).
Result<json> mutationAnalysis(const std::string& file);

/// One analysis folder of `rtlarena mutate --out`, as mutationAnalysis, plus its settings, tool
/// versions and whether it finished. Parse, naming the file, when the folder is broken.
Result<json> mutationFolder(const std::string& dir);

/// suite -> task -> kill score, from the analyses that name their suite (the first one wins).
json killScores(const json& analyses);

/// Leaderboard rows (model x suite) from the runs: a tool-feedback run fills the feedback
/// columns of its model's single-shot row.
json leaderboardRows(const json& runs);

/// What is known about a suite's exposure to training data.
std::string contaminationNote(const std::string& suite);

/// The tables as one Markdown document.
std::string markdownTables(const json& data);

/// The tables as CSV files (file name → content).
std::vector<std::pair<std::string, std::string>> csvTables(const json& data);

/// The page: template, style, script, chart bundles and data inlined.
Result<std::string> htmlPage(const json& data);

/// Text for embedding in a <script> element: "</" cannot end it early.
std::string scriptSafe(std::string text);

}  // namespace rtlarena::report
