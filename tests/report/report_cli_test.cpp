// `rtlarena report` as a user meets it: runs made through the public CLI give a page whose
// embedded numbers are the ones `run --json` printed; bad input gets one line and its exit code.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/core/process.h"
#include "rtlarena/core/text.h"

#include "../support/rtlarena_cli.h"

namespace rtlarena {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

ProcessResult cli(std::vector<std::string> args, std::map<std::string, std::string> extraEnv = {}) {
  return ::rtlarena::test_support::runRtlarena(args, {"/tmp", extraEnv});
}

json embeddedData(const fs::path& page) {
  auto text = readFile(page);
  EXPECT_TRUE(text.ok());
  if (!text.ok()) return json();
  const std::string open = "<script type=\"application/json\" id=\"report-data\">";
  const auto at = text->find(open);
  EXPECT_NE(at, std::string::npos);
  const auto end = text->find("</script>", at);
  return json::parse(text->substr(at + open.size(), end - at - open.size()));
}

struct CliRuns : ::testing::Test {
  static void SetUpTestSuite() {
    auto d = TempDir::create("report-cli");
    ASSERT_TRUE(d.ok());
    dir = new TempDir(std::move(*d));
    for (const char* model : {"reference", "bad"}) {
      auto r = cli({"run", "--suite", "core", "--model", model, "--task", "popcount8", "--task", "mux4_bus8", "--task",
                    "abs_diff8", "-n", "2", "-j", "2", "--no-progress", "--json", "--out",
                    (dir->path() / model).string()});
      ASSERT_EQ(r.exitCode, 0) << r.err;
      printed[model] = json::parse(splitLines(r.out).back());
    }
  }
  static void TearDownTestSuite() {
    delete dir;
    dir = nullptr;
  }
  static inline TempDir* dir = nullptr;
  static inline std::map<std::string, json> printed;
};

TEST_F(CliRuns, ThePageCarriesTheNumbersRunPrinted) {
  const fs::path site = dir->path() / "site";
  auto r = cli({"report", (dir->path() / "reference").string(), (dir->path() / "bad").string(), "-o", site.string()});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  json data = embeddedData(site / "index.html");
  ASSERT_EQ(data["leaderboard"].size(), 2u);
  for (const auto& row : data["leaderboard"]) {
    const json& run = printed.at(row["model"].get<std::string>());
    EXPECT_EQ(row["pass_at"], run["pass_at"]);
    EXPECT_EQ(row["pass_at_ci95"], run["pass_at_ci95"]);
    EXPECT_EQ(row["samples"], run["samples"]);
    EXPECT_EQ(row["tasks"], run["tasks"]);
  }
  EXPECT_EQ(printed["reference"]["pass_at"]["1"], 1.0);
  EXPECT_EQ(printed["bad"]["pass_at"]["1"], 0.0);
  // The drill-down has the task's spec and reference from the suite.
  EXPECT_FALSE(data["suites"]["core"]["tasks"]["popcount8"]["reference"].get<std::string>().empty());
}

TEST_F(CliRuns, MarkdownAndCsvAreWrittenWithTheSameRows) {
  const fs::path md = dir->path() / "md", csv = dir->path() / "csv";
  ASSERT_EQ(cli({"report", (dir->path() / "reference").string(), (dir->path() / "bad").string(), "-o", md.string(),
                 "--format", "md"}).exitCode, 0);
  ASSERT_EQ(cli({"report", (dir->path() / "reference").string(), (dir->path() / "bad").string(), "-o", csv.string(),
                 "--format", "csv"}).exitCode, 0);
  auto text = readFile(md / "report.md");
  ASSERT_TRUE(text.ok());
  EXPECT_NE(text->find("| 1 | reference | core | 100.0%"), std::string::npos) << *text;
  EXPECT_NE(text->find("| 2 | bad | core | 0.0%"), std::string::npos) << *text;
  auto board = readFile(csv / "leaderboard.csv");
  ASSERT_TRUE(board.ok());
  EXPECT_EQ(splitLines(*board).size(), 3u);
}

TEST_F(CliRuns, BadInputGetsOneLineAndItsExitCode) {
  const fs::path out = dir->path() / "never";
  auto r = cli({"report", (dir->path() / "reference").string(), "-o", out.string(), "--format", "pdf"});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("--format"), std::string::npos) << r.err;
  r = cli({"report", (dir->path() / "nosuch").string(), "-o", out.string()});
  EXPECT_EQ(r.exitCode, 3);
  EXPECT_NE(r.err.find("nosuch"), std::string::npos) << r.err;
  EXPECT_EQ(splitLines(r.err).size(), 1u) << r.err;
  r = cli({"report", (dir->path() / "reference").string(), "-o", out.string()},
          {{"RTLARENA_REPORT_ASSETS", (dir->path() / "no-assets").string()}});
  EXPECT_EQ(r.exitCode, 4);
  EXPECT_NE(r.err.find("scripts/setup.sh"), std::string::npos) << r.err;
  r = cli({"report", "-o", out.string()});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_FALSE(fs::exists(out));
}

// A mutation analysis kept beside the runs: `report` of the runs' folder finds it, puts each
// task's kill score beside its pass rates and lists the weakest testbench first; a second
// `mutate` with the same settings simulates nothing.
TEST_F(CliRuns, AMutationAnalysisBesideTheRunsIsReported) {
  const fs::path analysis = dir->path() / "mutate__core";
  const std::vector<std::string> args = {"mutate", "--suite", "core", "--task", "popcount8", "--task", "abs_diff8",
                                         "--mutants", "3", "-j", "2", "--out", analysis.string()};
  auto r = cli(args);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  for (const char* f : {"analysis.json", "mutants.jsonl", "mutation.json"}) EXPECT_TRUE(fs::exists(analysis / f)) << f;
  auto again = cli(args);
  ASSERT_EQ(again.exitCode, 0) << again.err;
  EXPECT_NE(again.err.find("(6 mutants resumed)"), std::string::npos) << again.err;
  EXPECT_EQ(again.out, r.out);

  const fs::path md = dir->path() / "md-mutation";
  auto rep = cli({"report", dir->path().string(), "-o", md.string(), "--format", "md"});
  ASSERT_EQ(rep.exitCode, 0) << rep.err;
  auto text = readFile(md / "report.md");
  ASSERT_TRUE(text.ok());
  EXPECT_NE(text->find("| suite | task | bad / core | reference / core | kill score |"), std::string::npos) << *text;
  EXPECT_NE(text->find("### core"), std::string::npos) << *text;
  auto stored = json::parse(*readFile(analysis / "mutation.json"));
  for (const char* task : {"popcount8", "abs_diff8"})
    EXPECT_TRUE(stored["tasks"][task]["kill_score"].is_number()) << stored.dump();
  // Weakest first (ties by task id): the lower kill score's row comes first in the table.
  const auto key = [&](const std::string& t) { return std::make_pair(stored["tasks"][t]["kill_score"].get<double>(), t); };
  const std::string first = key("popcount8") < key("abs_diff8") ? "popcount8" : "abs_diff8";
  const std::string second = first == "popcount8" ? "abs_diff8" : "popcount8";
  const auto section = text->find("### core");
  EXPECT_LT(text->find("| " + first + " | 3 |", section), text->find("| " + second + " | 3 |", section)) << *text;
}

TEST_F(CliRuns, ABadAnalysisFolderGetsOneLineAndExitThree) {
  const fs::path broken = dir->path() / "broken-analysis";
  ASSERT_TRUE(writeFile(broken / "analysis.json", "not json").ok());
  auto r = cli({"mutate", "--suite", "core", "--task", "popcount8", "--mutants", "2", "--out", broken.string()});
  EXPECT_EQ(r.exitCode, 3);
  EXPECT_NE(r.err.find("analysis.json"), std::string::npos) << r.err;
  EXPECT_EQ(splitLines(r.err).size(), 1u) << r.err;
  EXPECT_FALSE(fs::exists(broken / "mutants.jsonl"));
  // A run's folder is not an analysis: refused, the run left as it was.
  r = cli({"mutate", "--suite", "core", "--task", "popcount8", "--mutants", "2", "--out", (dir->path() / "reference").string()});
  EXPECT_EQ(r.exitCode, 3);
  EXPECT_NE(r.err.find("holds a benchmark run"), std::string::npos) << r.err;
  EXPECT_EQ(splitLines(r.err).size(), 1u) << r.err;
  EXPECT_FALSE(fs::exists(dir->path() / "reference" / "analysis.json"));
  const fs::path out = dir->path() / "never-mutation";
  r = cli({"report", broken.string(), "-o", out.string()});
  EXPECT_EQ(r.exitCode, 3);
  EXPECT_NE(r.err.find("analysis.json"), std::string::npos) << r.err;
  EXPECT_EQ(splitLines(r.err).size(), 1u) << r.err;
  fs::create_directories(dir->path() / "empty-runs");
  r = cli({"report", (dir->path() / "empty-runs").string(), "-o", out.string()});
  EXPECT_EQ(r.exitCode, 3);
  EXPECT_NE(r.err.find("empty-runs"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out));
}

}  // namespace
}  // namespace rtlarena
