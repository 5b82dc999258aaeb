// The report's data equals the store's summary; its Markdown and CSV match golden files; bad
// inputs are refused by name, with nothing written.
#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/core/text.h"
#include "rtlarena/mutate/mutation_store.h"
#include "rtlarena/report/report.h"
#include "rtlarena/run/summary.h"
#include "synthetic_store.h"

namespace rtlarena {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::SyntheticRun;

struct ReportFixture : ::testing::Test {
  void SetUp() override {
    auto d = TempDir::create("report");
    ASSERT_TRUE(d.ok());
    dir = std::make_unique<TempDir>(std::move(*d));
    SyntheticRun a;
    a.model = "model-a";
    a.skill = 0.9;
    a.seed = 3;
    a.harnessErrors = 1;
    SyntheticRun b;
    b.model = "model-b";
    b.skill = 0.3;
    b.seed = 5;
    b.controls = false;
    ASSERT_TRUE(testing::writeSyntheticRun(dir->path() / "a", a).ok());
    ASSERT_TRUE(testing::writeSyntheticRun(dir->path() / "b", b).ok());
    ASSERT_TRUE(testing::writeSyntheticCampaign(dir->path() / "fuzz" / "mc-uniform-1", "uniform", 1, true).ok());
    ASSERT_TRUE(testing::writeSyntheticCampaign(dir->path() / "fuzz" / "mc-ucb-1", "ucb", 1, true).ok());
    ASSERT_TRUE(testing::writeSyntheticCampaign(dir->path() / "fuzz" / "mc-ucb-2", "ucb", 2, false).ok());
    // What `rtlarena check --json` and `rtlarena mutate --json` print (their documented keys).
    ASSERT_TRUE(writeFile(dir->path() / "check.json",
                          R"({"top":"counter","summary":{"total":5,"proven":2,"vacuous":1,"cex":1,"syntax_error":0,)"
                          R"("undetermined":1,"timeout":0,"unsupported":0,"seconds":0.5},"assertions":[]})")
                    .ok());
    ASSERT_TRUE(writeFile(dir->path() / "mutate.json",
                          R"({"tasks":{"inv8":{"mutants":10,"killed":9,"survived":1,"equivalent":0,"unknown":0,"kill_score":0.9},)"
                          R"("mux2":{"mutants":10,"killed":5,"survived":3,"equivalent":2,"unknown":0,"kill_score":0.625}}})")
                    .ok());
  }
  report::ReportInputs inputs() const {
    return {{(dir->path() / "a").string(), (dir->path() / "b").string()},
            {(dir->path() / "fuzz").string()},
            {(dir->path() / "check.json").string()},
            {(dir->path() / "mutate.json").string()}};
  }
  json data() const {
    auto text = report::reportDataJson(inputs());
    EXPECT_TRUE(text.ok()) << text.error().message;
    return text.ok() ? json::parse(*text) : json();
  }
  std::unique_ptr<TempDir> dir;
};

TEST_F(ReportFixture, EveryFigureEqualsTheStoresSummary) {
  json d = data();
  ASSERT_EQ(d["runs"].size(), 2u);
  for (const auto& run : d["runs"]) {
    auto s = summarizeStore(run["dir"].get<std::string>());
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(run["model"], s->model);
    EXPECT_EQ(run["samples"], s->samples);
    EXPECT_EQ(run["complete_samples"], s->completeSamples);
    EXPECT_EQ(run["incomplete"]["harness_error"], s->incomplete.harnessError);
    for (const auto& [k, v] : s->passAt) {
      EXPECT_EQ(run["pass_at"][std::to_string(k)].get<double>(), v);  // exact: the same doubles
      EXPECT_EQ(run["pass_at_ci95"][std::to_string(k)][0].get<double>(), s->score.overallCi.at(k).low);
      EXPECT_EQ(run["pass_at_ci95"][std::to_string(k)][1].get<double>(), s->score.overallCi.at(k).high);
    }
    EXPECT_EQ(run["failure_classes"], json(s->failureClasses));
    // The heat map's cells average to pass@1 (no task excluded here).
    double sum = 0;
    int tasks = 0;
    for (const auto& [id, cell] : run["per_task"].items())
      if (cell["rate"].is_number()) sum += cell["rate"].get<double>(), ++tasks;
    EXPECT_NEAR(sum / tasks, s->passAt.at(1), 1e-12);
  }
  ASSERT_EQ(d["leaderboard"].size(), 2u);
  EXPECT_EQ(d["leaderboard"][0]["golden_ceiling"], 1.0);
  EXPECT_EQ(d["leaderboard"][0]["negative_control"], 0.0);
  EXPECT_TRUE(d["leaderboard"][1]["golden_ceiling"].is_null());  // b stored no controls
  EXPECT_EQ(d["leaderboard"][0]["incomplete"], 1);
  EXPECT_EQ(d["leaderboard"][0]["tokens_in"], d["runs"][0]["tokens_in"]);
}

TEST_F(ReportFixture, TaxonomyCountsEveryCompleteFailureOnce) {
  for (const auto& run : data()["runs"]) {
    int failing = 0, levels = 0;
    for (const auto& [name, n] : run["failure_classes"].items()) failing += n.get<int>();
    for (const auto& [name, n] : run["taxonomy"].items()) levels += n.get<int>();
    EXPECT_EQ(levels, failing);
    EXPECT_GT(failing, 0);
  }
}

TEST_F(ReportFixture, DrillDownShowsAFailingSampleWhenThereIsOne) {
  for (const auto& run : data()["runs"])
    for (const auto& [id, cell] : run["per_task"].items()) {
      ASSERT_TRUE(cell.contains("shown"));
      EXPECT_EQ(cell["shown"]["verdict"] == "pass", cell["c"] == cell["n"]) << id;
      EXPECT_FALSE(cell["shown"]["code"].get<std::string>().empty());
    }
}

TEST_F(ReportFixture, FuzzCampaignsGiveBandsAndTimeToBug) {
  json f = data()["fuzz"];
  ASSERT_EQ(f["campaigns"].size(), 3u);
  ASSERT_EQ(f["bugs"].size(), 2u);  // (mc, b01) x {ucb, uniform}
  for (const auto& b : f["bugs"]) {
    if (b["algo"] == "ucb") {
      EXPECT_EQ(b["runs"], 2);
      EXPECT_EQ(b["found"], 1);
      EXPECT_EQ(b["median_tests_to_bug"], 500.0);
    } else {
      EXPECT_EQ(b["median_tests_to_bug"], 1100.0);
    }
  }
  for (const auto& band : f["bands"]) EXPECT_LE(band["low"].get<double>(), band["high"].get<double>());
  EXPECT_FALSE(f["campaigns"][0]["arm_trace"].empty());
}

TEST_F(ReportFixture, ChecksAndMutationAreReadAsPrinted) {
  json d = data();
  ASSERT_EQ(d["checks"].size(), 1u);
  EXPECT_EQ(d["checks"][0]["top"], "counter");
  EXPECT_EQ(d["checks"][0]["summary"]["proven"], 2);
  ASSERT_EQ(d["mutation"].size(), 1u);
  EXPECT_DOUBLE_EQ(d["mutation"][0]["mean_kill_score"].get<double>(), (0.9 + 0.625) / 2);
  auto in = inputs();
  in.mutationFiles = {(dir->path() / "check.json").string()};  // the wrong kind of file
  auto bad = report::reportDataJson(in);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::Parse);
  EXPECT_NE(bad.error().message.find("check.json"), std::string::npos) << bad.error().message;
}

fs::path golden(const std::string& name) { return fs::path(RTLARENA_SOURCE_DIR) / "tests/report/golden" / name; }

// Golden comparison; UPDATE_GOLDEN=1 rewrites the files instead.
void expectGolden(const std::string& name, const std::string& got) {
  if (std::getenv("UPDATE_GOLDEN")) {
    ASSERT_TRUE(writeFile(golden(name), got).ok());
    return;
  }
  auto want = readFile(golden(name));
  ASSERT_TRUE(want.ok()) << want.error().message;
  EXPECT_EQ(got, *want) << name << " differs from tests/report/golden (UPDATE_GOLDEN=1 to accept)";
}

// Folder names differ between runs of the test: the goldens hold a fixed one.
std::string stable(std::string text, const std::string& tmp) {
  for (std::size_t at; (at = text.find(tmp)) != std::string::npos;) text.replace(at, tmp.size(), "TMP");
  return text;
}

TEST_F(ReportFixture, MarkdownMatchesGolden) {
  auto text = report::reportDataJson(inputs());
  ASSERT_TRUE(text.ok());
  auto files = report::renderReport(*text, report::ReportFormat::Markdown);
  ASSERT_TRUE(files.ok());
  ASSERT_EQ(files->size(), 1u);
  expectGolden("report.md", stable((*files)[0].second, dir->path().string()));
}

TEST_F(ReportFixture, CsvMatchesGolden) {
  auto text = report::reportDataJson(inputs());
  ASSERT_TRUE(text.ok());
  auto files = report::renderReport(*text, report::ReportFormat::Csv);
  ASSERT_TRUE(files.ok());
  std::vector<std::string> names;
  for (const auto& [name, content] : *files) {
    names.push_back(name);
    expectGolden(name, stable(content, dir->path().string()));
  }
  EXPECT_EQ(names, (std::vector<std::string>{"leaderboard.csv", "tasks.csv", "failures.csv", "assertions.csv",
                                             "mutation.csv", "survivors.csv", "fuzz_campaigns.csv", "fuzz_bugs.csv"}));
}

TEST_F(ReportFixture, AFolderWithoutARunIsRefusedByNameAndNothingIsWritten) {
  auto in = inputs();
  in.runDirs.push_back((dir->path() / "fuzz").string());
  const fs::path out = dir->path() / "site";
  auto s = report::writeReport(in, out, report::ReportFormat::Markdown);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::NotFound);
  EXPECT_NE(s.error().message.find((dir->path() / "fuzz").string()), std::string::npos) << s.error().message;
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(ReportFixture, MissingChartBundlesAreAnEnvironmentErrorThatSaysHowToInstall) {
  const char* old = std::getenv("RTLARENA_REPORT_ASSETS");
  const std::string saved = old ? old : "";
  setenv("RTLARENA_REPORT_ASSETS", (dir->path() / "no-assets").c_str(), 1);
  auto s = report::writeReport(inputs(), dir->path() / "site", report::ReportFormat::Html);
  if (old) setenv("RTLARENA_REPORT_ASSETS", saved.c_str(), 1);
  else unsetenv("RTLARENA_REPORT_ASSETS");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::ToolMissing);
  EXPECT_NE(s.error().message.find("scripts/setup.sh"), std::string::npos) << s.error().message;
  EXPECT_FALSE(fs::exists(dir->path() / "site"));
}

TEST_F(ReportFixture, ThePageEmbedsTheDataAndNoExternalReference) {
  auto s = report::writeReport(inputs(), dir->path() / "site", report::ReportFormat::Html);
  if (!s.ok() && s.error().code == ErrorCode::ToolMissing) GTEST_FAIL() << s.error().message;
  ASSERT_TRUE(s.ok()) << s.error().message;
  auto page = readFile(dir->path() / "site" / "index.html");
  ASSERT_TRUE(page.ok());
  const std::string open = "<script type=\"application/json\" id=\"report-data\">";
  const auto at = page->find(open);
  ASSERT_NE(at, std::string::npos);
  const auto end = page->find("</script>", at);
  json embedded = json::parse(page->substr(at + open.size(), end - at - open.size()));
  EXPECT_EQ(embedded, data());
  for (const char* ref : {"<script src=", "<link ", "sourceMappingURL", "{{DATA}}", "{{APP}}"})
    EXPECT_EQ(page->find(ref), std::string::npos) << ref;
}

// A mutation analysis of the synthetic suite, kept as `rtlarena mutate --out` keeps one: task_001
// is the weakest (1 of 4 killed, one escape), task_003 next (3 of 4), task_002 kills all.
void writeAnalysis(const fs::path& folder) {
  auto store = mutate::MutationStore::open(
      folder, R"({"suite":"demo","dataset":"","mutants":4,"seed":7,"judge":true,"bound":20,"equiv_timeout":30.0})",
      R"({"yosys":"Yosys 0.23"})");
  ASSERT_TRUE(store.ok()) << store.error().message;
  auto task = [](const std::string& id, int killed, int survived) {
    mutate::TaskMutation t;
    t.taskId = id;
    t.mutants = killed + survived;
    t.killed = killed;
    t.survived = survived;
    for (int i = 0; i < survived; ++i) {
      mutate::MutantResult r;
      r.mutant.index = i;
      r.mutant.description = "inv of $and port Y bit " + std::to_string(i) + " at line 4";
      r.fate = mutate::MutantFate::Survived;
      equiv::EquivResult e;
      e.verdict = equiv::EquivVerdict::NotEquivalent;
      equiv::Counterexample cex;
      cex.cycle = 2;
      cex.outputs = {{"q", "1", "0"}};
      e.counterexample = cex;
      r.equiv = e;
      t.results.push_back(r);
    }
    return t;
  };
  (*store)->taskFinished(task("task_002", 4, 0));
  (*store)->taskFinished(task("task_001", 1, 3));
  (*store)->taskFinished(task("task_003", 3, 1));
  ASSERT_TRUE((*store)->markComplete().ok());
}

TEST_F(ReportFixture, AFolderOfRunsAndAnalysesIsFoundAndWeakestTestbenchesComeFirst) {
  const fs::path root = dir->path() / "runs";
  ASSERT_TRUE(testing::writeSyntheticRun(root / "demo__model-a", SyntheticRun{}).ok());
  writeAnalysis(root / "mutate__demo");
  auto text = report::reportDataJson({{root.string()}, {}, {}, {}});
  ASSERT_TRUE(text.ok()) << text.error().message;
  json d = json::parse(*text);
  ASSERT_EQ(d["runs"].size(), 1u);
  ASSERT_EQ(d["mutation"].size(), 1u);
  const json& m = d["mutation"][0];
  EXPECT_EQ(m["suite"], "demo");
  EXPECT_EQ(m["complete"], true);
  EXPECT_EQ(m["config"]["seed"], 7);
  ASSERT_EQ(m["tasks"].size(), 3u);
  EXPECT_EQ(m["tasks"][0]["task"], "task_001");
  EXPECT_EQ(m["tasks"][1]["task"], "task_003");
  EXPECT_EQ(m["tasks"][2]["task"], "task_002");
  EXPECT_EQ(d["kill_scores"]["demo"]["task_001"], 0.25);
  // Named and also found under a named folder: once.
  auto twice = report::reportDataJson({{root.string(), (root / "mutate__demo").string(), (root / "demo__model-a").string()}, {}, {}, {}});
  ASSERT_TRUE(twice.ok());
  EXPECT_EQ(json::parse(*twice)["mutation"].size(), 1u);
  EXPECT_EQ(json::parse(*twice)["runs"].size(), 1u);

  auto files = report::renderReport(*text, report::ReportFormat::Markdown);
  ASSERT_TRUE(files.ok());
  const std::string md = (*files)[0].second;
  const auto weakest = md.find("| task_001 | 4 | 1 | 3 | 0 | 0 | 0.250 |");
  const auto middle = md.find("| task_003 | 4 | 3 | 1 | 0 | 0 | 0.750 |");
  const auto strongest = md.find("| task_002 | 4 | 4 | 0 | 0 | 0 | 1 |");
  ASSERT_NE(weakest, std::string::npos) << md;
  ASSERT_NE(middle, std::string::npos) << md;
  ASSERT_NE(strongest, std::string::npos) << md;
  EXPECT_LT(weakest, middle);
  EXPECT_LT(middle, strongest);
  EXPECT_NE(md.find("4 mutants per task, seed 7; mean kill score 0.667. Judge of survivors: bound 20, 30 s each. "
                    "Started "), std::string::npos) << md;
  EXPECT_NE(md.find(" with yosys Yosys 0.23."), std::string::npos) << md;
  EXPECT_NE(md.find("- task_001 #0 (survived): inv of $and port Y bit 0 at line 4 — not_equivalent: at cycle 2 q is 1 "
                    "in the reference, 0 in the mutant"), std::string::npos) << md;
  // The task table: pass rates with the kill score beside them, a weak testbench marked.
  EXPECT_NE(md.find("| suite | task | model-a / demo | kill score |"), std::string::npos) << md;
  EXPECT_NE(md.find("(weak tb) | 0.250 weak |"), std::string::npos) << md;
  EXPECT_NE(md.find("| demo | task_002 |"), std::string::npos);
  EXPECT_EQ(md.find("task_002 | " + std::string("1/4 (weak tb)")), std::string::npos);

  auto csvFiles = report::renderReport(*text, report::ReportFormat::Csv);
  ASSERT_TRUE(csvFiles.ok());
  std::map<std::string, std::string> csv(csvFiles->begin(), csvFiles->end());
  auto rows = splitLines(csv["mutation.csv"]);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1], "demo,task_001,4,1,3,0,0,0.25," + (root / "mutate__demo").string());
  EXPECT_EQ(rows[3].substr(0, 28), "demo,task_002,4,4,0,0,0,1.0,");
  EXPECT_EQ(splitLines(csv["survivors.csv"]).size(), 5u);  // header + 3 + 1
  auto tasks = splitLines(csv["tasks.csv"]);
  EXPECT_EQ(tasks[0], "suite,task,model-a / demo,kill_score");
  EXPECT_EQ(tasks[2].substr(tasks[2].rfind(',')), ",0.25");  // task_001
  EXPECT_EQ(tasks[1].back(), ',');                           // task_000: not analysed
}

TEST_F(ReportFixture, ABrokenAnalysisFolderIsRefusedByNameAndNothingIsWritten) {
  const fs::path root = dir->path() / "runs";
  writeAnalysis(root / "mutate__demo");
  ASSERT_TRUE(writeFile(root / "mutate__demo" / "mutation.json", "{\"tasks\": [").ok());
  auto s = report::writeReport({{root.string()}, {}, {}, {}}, dir->path() / "site", report::ReportFormat::Markdown);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::Parse);
  EXPECT_NE(s.error().message.find((root / "mutate__demo" / "mutation.json").string()), std::string::npos) << s.error().message;
  EXPECT_FALSE(fs::exists(dir->path() / "site"));
  // An empty folder holds neither runs nor analyses.
  fs::create_directories(dir->path() / "empty");
  s = report::writeReport({{(dir->path() / "empty").string()}, {}, {}, {}}, dir->path() / "site", report::ReportFormat::Markdown);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::NotFound);
  EXPECT_NE(s.error().message.find("no mutation analysis"), std::string::npos) << s.error().message;
}

TEST_F(ReportFixture, AnUnfinishedAnalysisIsShownAsSuch) {
  const fs::path folder = dir->path() / "mutate__demo";
  writeAnalysis(folder);
  fs::remove(folder / "mutation.json");  // killed before its first task finished
  auto text = report::reportDataJson({{folder.string()}, {}, {}, {}});
  ASSERT_TRUE(text.ok()) << text.error().message;
  json d = json::parse(*text);
  EXPECT_EQ(d["mutation"][0]["complete"], false);
  EXPECT_TRUE(d["mutation"][0]["tasks"].empty());
  auto files = report::renderReport(*text, report::ReportFormat::Markdown);
  ASSERT_TRUE(files.ok());
  EXPECT_NE((*files)[0].second.find("**Unfinished**"), std::string::npos);
}

}  // namespace
}  // namespace rtlarena
