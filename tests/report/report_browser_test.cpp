// The page in a real browser (Debian's chromium, headless, over the DevTools pipe): it loads
// from file:// with no console error and no request, the leaderboard has the expected rows and
// every chart drew. The screenshot is kept in the build folder (report_screenshot.png).
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/core/process.h"
#include "rtlarena/core/text.h"
#include "rtlarena/mutate/mutation_store.h"
#include "synthetic_store.h"

namespace rtlarena {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

ProcessResult runTool(std::vector<std::string> argv, const fs::path& cwd) {
  ProcessSpec spec;
  spec.argv = std::move(argv);
  spec.workDir = cwd.string();
  spec.env = defaultToolEnv(cwd.string());
  spec.deadline = std::chrono::milliseconds(240000);
  spec.outputCap = 1 << 22;
  auto r = runProcess(spec);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? *r : ProcessResult{};
}

TEST(ReportInBrowser, LoadsFromFileWithNoErrorNoRequestAndEveryChartDrawn) {
  auto d = TempDir::create("report-browser");
  ASSERT_TRUE(d.ok());
  const fs::path dir = d->path();
  std::vector<std::string> args = {RTLARENA_BINARY, "report"};
  int i = 0;
  for (const char* model : {"model-strong", "model-middle", "model-weak"}) {
    testing::SyntheticRun run;
    run.model = model;
    run.tasks = 24;
    run.samples = 5;
    run.skill = 0.95 - 0.35 * i;
    run.seed = static_cast<std::uint64_t>(++i);
    ASSERT_TRUE(testing::writeSyntheticRun(dir / model, run).ok());
    args.push_back((dir / model).string());
  }
  for (const auto& [algo, seed] : {std::pair<const char*, int>{"uniform", 1}, {"uniform", 2}, {"ucb", 1}, {"ucb", 2}})
    ASSERT_TRUE(testing::writeSyntheticCampaign(dir / "fuzz" / (std::string(algo) + "-" + std::to_string(seed)), algo, seed,
                                                seed == 1).ok());
  ASSERT_TRUE(writeFile(dir / "check.json",
                        R"({"top":"counter","summary":{"total":4,"proven":2,"vacuous":1,"cex":1,"syntax_error":0},"assertions":[]})")
                  .ok());
  // A mutation report that names the runs' suite: kill scores reach the heat map and drill-down,
  // and a survivor with its counterexample is listed.
  ASSERT_TRUE(writeFile(dir / "mutate.json",
                        R"({"config":{"suite":"demo"},"complete":true,"tasks":{"task_000":{"mutants":10,"killed":9,)"
                        R"("survived":1,"equivalent":0,"unknown":0,"kill_score":0.9,"survivors":[{"mutant":4,"fate":"survived",)"
                        R"("description":"inv of $and port Y bit 0 at line 3","mutation":"mutate -mode inv",)"
                        R"("judge":{"verdict":"not_equivalent","reason":"counterexample at cycle 1","cycle":1,)"
                        R"("output":{"name":"q","reference":"1","mutant":"0"}}}]}}})")
                  .ok());
  // And a stored analysis folder with its settings (the page's other path), found by `report`.
  {
    auto store = mutate::MutationStore::open(dir / "mutate__demo",
                                             R"({"suite":"demo","mutants":4,"seed":1,"judge":true,"bound":20,"equiv_timeout":30.0})",
                                             R"({"yosys":"Yosys 0.23"})");
    ASSERT_TRUE(store.ok()) << store.error().message;
    mutate::TaskMutation t;
    t.taskId = "task_001";
    t.mutants = 4;
    t.killed = 4;
    (*store)->taskFinished(t);
    ASSERT_TRUE((*store)->markComplete().ok());
    args.push_back((dir / "mutate__demo").string());
  }
  args.insert(args.end(), {"--fuzz", (dir / "fuzz").string(), "--checks", (dir / "check.json").string(), "--mutation",
                           (dir / "mutate.json").string(), "-o", (dir / "site").string()});
  auto made = runTool(args, dir);
  ASSERT_EQ(made.exitCode, 0) << made.err;

  const fs::path shot = fs::path(RTLARENA_BUILD_DIR) / "report_screenshot.png";
  auto r = runTool({"python3", (fs::path(RTLARENA_SOURCE_DIR) / "tests/report/browser_check.py").string(),
                    (dir / "site" / "index.html").string(), "--screenshot", shot.string(), "--filter", "WEAK"},
                   dir);
  ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
  json got = json::parse(splitLines(r.out).back());
  EXPECT_EQ(got["ready"], "1") << got.dump();
  EXPECT_TRUE(got["console_errors"].empty()) << got["console_errors"].dump();
  EXPECT_TRUE(got["other_requests"].empty()) << got["requests"].dump();
  ASSERT_EQ(got["rows"].size(), 3u);
  EXPECT_EQ(got["rows"][0][0], "model-strong");  // sorted by pass@1
  EXPECT_EQ(got["rows"][2][0], "model-weak");
  std::set<std::string> charts;
  for (const auto& c : got["charts"]) {
    charts.insert(c["id"].get<std::string>());
    EXPECT_TRUE(c["drawn"].get<bool>()) << c.dump();
    EXPECT_GT(c["marks"].get<int>(), 3) << c.dump();
    EXPECT_GT(c["width"].get<int>(), 300) << c.dump();
    EXPECT_TRUE(c["error"].is_null()) << c.dump();
  }
  EXPECT_EQ(charts, (std::set<std::string>{"chart-pass", "chart-heat", "chart-taxonomy", "chart-checks", "chart-coverage", "chart-arms"}));
  EXPECT_EQ(got["bugRows"], 2);
  EXPECT_EQ(got["filtered_rows"], 1);  // the filter ignores case
  EXPECT_EQ(got["rows_by_model"], json({"model-middle", "model-strong", "model-weak"}));  // sorted on a click
  EXPECT_GT(got["drill"].get<int>(), 100);
  EXPECT_TRUE(fs::exists(shot));
}

}  // namespace
}  // namespace rtlarena
