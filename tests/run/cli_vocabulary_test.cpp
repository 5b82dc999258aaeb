// docs/CLI.md as a user meets it: one flag vocabulary with the older spellings hidden but
// working, defaults in --help, run folders per task selection, the failed tasks at the end of
// a run, complete exports, eval and list on datasets, stdin, "did you mean".
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
const fs::path kSource = RTLARENA_SOURCE_DIR;
const fs::path kFixture = kSource / "tests/fixtures/tasks/inv8";
const std::string kSuite = kFixture.parent_path().string();

ProcessResult cli(std::vector<std::string> args, const fs::path& cwd = "/tmp") {
  return ::rtlarena::test_support::runRtlarena(args, {cwd, {{"RTLARENA_CACHE", (cwd / ".cache").string()}}});
}

struct Scratch {
  Scratch() {
    auto d = TempDir::create("vocab");
    EXPECT_TRUE(d.ok());
    dir = std::make_unique<TempDir>(std::move(*d));
  }
  fs::path path() const { return dir->path(); }
  std::unique_ptr<TempDir> dir;
};

std::string helpLine(const std::string& help, const std::string& flag) {
  for (const auto& line : splitLines(help))
    if (line.find(flag + " ") != std::string::npos || line.find(flag + ",") != std::string::npos) return std::string(line);
  return "";
}

TEST(CliVocabulary, OlderSpellingsWorkButAreHidden) {
  Scratch s;
  auto audit = cli({"audit", "--suite", kSuite, "--no-lint", "--no-control", "--no-compat", "--sim", "icarus",
                    "--errata-out", "old.json", "--no-sandbox"},
                   s.path());
  EXPECT_EQ(audit.exitCode, 0) << audit.err;
  EXPECT_TRUE(fs::exists(s.path() / "old.json"));
  auto help = cli({"audit", "--help"}).out;
  EXPECT_EQ(help.find("--errata-out"), std::string::npos) << help;
  EXPECT_EQ(help.find("--no-control "), std::string::npos) << help;
  EXPECT_NE(helpLine(help, "--out"), "") << help;
  EXPECT_NE(helpLine(help, "--no-controls"), "") << help;
  auto run = cli({"run", "--help"}).out;
  EXPECT_NE(helpLine(run, "--request-timeout"), "") << run;
  EXPECT_EQ(helpLine(run, "--timeout"), "") << run;
  EXPECT_EQ(cli({"run", "--suite", "nosuch", "--timeout", "5"}).exitCode, 3);  // parsed, then the suite is missing
}

TEST(CliVocabulary, HelpShowsDefaults) {
  auto synth = cli({"synth", "--help"}).out;
  EXPECT_NE(helpLine(synth, "--timeout").find("120"), std::string::npos) << synth;
  auto run = cli({"run", "--help"}).out;
  EXPECT_NE(helpLine(run, "--suite").find("core"), std::string::npos) << run;
  EXPECT_NE(helpLine(run, "--request-timeout").find("600"), std::string::npos) << run;
  EXPECT_NE(helpLine(run, "--jobs").find("0"), std::string::npos) << run;
  auto fuzz = cli({"fuzz", "--help"}).out;
  EXPECT_NE(helpLine(fuzz, "--algo").find("egreedy"), std::string::npos) << fuzz;
}

TEST(CliVocabulary, DefaultRunFolderNamesTheTaskSelection) {
  Scratch s;
  auto core = kSource / "datasets/core";
  auto a = cli({"run", "--suite", "core", "--task", "popcount8", "--task", "popcount8", "--no-sandbox", "--json",
                "--no-progress"},
               s.path());
  ASSERT_EQ(a.exitCode, 0) << a.err;
  EXPECT_EQ(nlohmann::json::parse(a.out)["tasks"], 1);  // named twice, taken once
  EXPECT_TRUE(fs::exists(s.path() / "runs/core__reference__n1__popcount8/results.sqlite"));
  auto b = cli({"run", "--suite", "core", "--task", "gray_counter4", "--no-sandbox", "--json", "--no-progress"}, s.path());
  ASSERT_EQ(b.exitCode, 0) << b.err;  // its own folder: no clash with the first selection
  EXPECT_TRUE(fs::exists(s.path() / "runs/core__reference__n1__gray_counter4/results.sqlite"));
  auto typo = cli({"run", "--suite", "core", "--task", "popcont8"}, s.path());
  EXPECT_EQ(typo.exitCode, 3);
  EXPECT_NE(typo.err.find("did you mean 'popcount8'"), std::string::npos) << typo.err;
  auto suite = cli({"list", "tasks", "--suite", "cor"}, s.path());
  EXPECT_EQ(suite.exitCode, 3);
  EXPECT_NE(suite.err.find("did you mean 'core'"), std::string::npos) << suite.err;
}

TEST(CliVocabulary, ReusedFuzzFolderWithAnotherConfigurationIsRefused) {
  Scratch s;
  fs::create_directories(s.path() / "f");
  ASSERT_TRUE(writeFile(s.path() / "f/campaign.json", R"({"algo": "egreedy"})").ok());
  auto r = cli({"fuzz", "--core", "mc", "--algo", "ucb1", "--tests", "1", "--out", "f", "--no-progress"}, s.path());
  EXPECT_EQ(r.exitCode, 2) << r.err;
  EXPECT_NE(r.err.find("another configuration"), std::string::npos) << r.err;
  fs::create_directories(s.path() / "g");
  ASSERT_TRUE(writeFile(s.path() / "g/notes.txt", "mine").ok());
  auto g = cli({"fuzz", "--core", "mc", "--tests", "1", "--out", "g", "--no-progress"}, s.path());
  EXPECT_EQ(g.exitCode, 2) << g.err;
  EXPECT_NE(g.err.find("holds no campaign.json"), std::string::npos) << g.err;
}

// A run of the bad model: the summary ends with the failed task and why; --per-task lists
// every task; --k picks the k of pass@k; the export carries everything per sample.
TEST(CliVocabulary, RunSummaryEndsWithFailedTasksAndExportIsComplete) {
  Scratch s;
  auto bad = cli({"run", "--suite", kSuite, "--model", "bad", "-n", "3", "--k", "1,2,3", "--out", "bad", "--no-sandbox",
                  "--no-progress"},
                 s.path());
  ASSERT_EQ(bad.exitCode, 0) << bad.err;
  const auto table = bad.out.find("failed task");
  ASSERT_NE(table, std::string::npos) << bad.out;
  EXPECT_NE(bad.out.find("inv8", table), std::string::npos) << bad.out;
  EXPECT_NE(bad.out.find("mismatch", table), std::string::npos) << bad.out;
  EXPECT_NE(bad.out.find("pass@2"), std::string::npos) << bad.out;
  EXPECT_NE(bad.out.find("pass rates: syntax"), std::string::npos) << bad.out;
  auto tooMany = cli({"run", "--suite", kSuite, "--model", "bad", "-n", "3", "--k", "5", "--out", "k5"}, s.path());
  EXPECT_EQ(tooMany.exitCode, 2);
  EXPECT_FALSE(fs::exists(s.path() / "k5"));

  auto json = cli({"run", "--suite", kSuite, "--model", "bad", "-n", "3", "--k", "1,2,3", "--out", "bad", "--no-sandbox",
                   "--no-progress", "--json"},
                  s.path());
  auto j = nlohmann::json::parse(json.out);
  EXPECT_TRUE(j["pass_at"].contains("2")) << json.out;
  EXPECT_EQ(j["task_outcomes"][0]["task"], "inv8");
  EXPECT_EQ(j["task_outcomes"][0]["verdict"], "mismatch");
  EXPECT_TRUE(j["stage_rates"].contains("compile"));

  auto jsonl = cli({"export", "bad"}, s.path());
  ASSERT_EQ(jsonl.exitCode, 0) << jsonl.err;
  auto lines = splitLines(trim(jsonl.out));
  ASSERT_EQ(lines.size(), 3u);
  auto first = nlohmann::json::parse(lines[0]);
  for (const char* key : {"verdict", "class", "message", "mismatches", "test_samples", "log_tail", "raw_answer", "prompt",
                          "tokens_in", "latency_seconds", "ppa", "compat_code", "code"})
    EXPECT_TRUE(first.contains(key)) << key << " missing from " << lines[0];
  EXPECT_EQ(first["verdict"], "mismatch");
  EXPECT_GT(first["mismatches"].get<int>(), 0);
  auto csv = cli({"export", "bad", "--format", "csv"}, s.path());
  ASSERT_EQ(csv.exitCode, 0) << csv.err;
  EXPECT_TRUE(startsWith(csv.out, "task_id,sample,verdict,class,message,mismatches")) << csv.out.substr(0, 200);
  EXPECT_NE(csv.out.find("inv8,0,mismatch"), std::string::npos) << csv.out.substr(0, 400);
  EXPECT_EQ(cli({"export", "bad", "--jsonl"}, s.path()).out, jsonl.out);  // the older flag

  auto perTask = cli({"run", "--suite", kSuite, "--model", "reference", "--out", "ref", "--no-sandbox", "--no-progress",
                      "--per-task"},
                     s.path());
  ASSERT_EQ(perTask.exitCode, 0) << perTask.err;
  const auto all = perTask.out.find("passed");
  ASSERT_NE(all, std::string::npos) << perTask.out;
  EXPECT_NE(perTask.out.find("inv8", all), std::string::npos) << perTask.out;
}

TEST(CliVocabulary, EvalReadsStdinDatasetsSeedsAndWritesWaves) {
  Scratch s;
  const std::string bad = (kFixture / "bad/no_invert.sv").string();
  ProcessSpec spec;
  spec.argv = {"/bin/sh", "-c", std::string(RTLARENA_BINARY) + " eval --task " + kFixture.string() + " - --json < " + bad};
  spec.workDir = s.path();
  spec.env = defaultToolEnv(s.path());
  spec.deadline = std::chrono::milliseconds(60000);
  auto piped = runProcess(spec);
  ASSERT_TRUE(piped.ok());
  EXPECT_EQ(piped->exitCode, 1) << piped->err;
  EXPECT_EQ(nlohmann::json::parse(piped->out)["verdict"], "mismatch");

  auto waves = cli({"eval", "--task", kFixture.string(), bad, "--seed", "5", "--vcd", "w.vcd", "--keep", "jobs"}, s.path());
  EXPECT_EQ(waves.exitCode, 1) << waves.err;
  auto vcd = readFile(s.path() / "w.vcd");
  ASSERT_TRUE(vcd.ok());
  EXPECT_NE(vcd->find("$var"), std::string::npos);
  EXPECT_FALSE(fs::is_empty(s.path() / "jobs"));
  // --seed reaches the bench (+seed=N): another seed, other stimulus; the same seed, the same.
  const std::string popcount = (kSource / "datasets/core/popcount8/bad/skips_msb.sv").string();
  auto wavesOf = [&](const std::string& seed, const std::string& file) {
    auto r = cli({"eval", "--task", "popcount8", popcount, "--seed", seed, "--vcd", file}, s.path());
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_EQ(r.out.find("VCD info"), std::string::npos) << r.out;
    auto text = readFile(s.path() / file);
    return text ? text->substr(std::min(text->size(), text->find("$timescale"))) : std::string();
  };
  const std::string one = wavesOf("1", "a.vcd"), two = wavesOf("2", "b.vcd"), again = wavesOf("1", "c.vcd");
  EXPECT_FALSE(one.empty());
  EXPECT_NE(one, two);
  EXPECT_EQ(one, again);

  const std::string dataset = "jsonl:" + (kSource / "tests/datasets/fixtures/jsonl/tasks.jsonl").string();
  auto listed = cli({"list", "tasks", "--dataset", dataset, "--json"}, s.path());
  ASSERT_EQ(listed.exitCode, 0) << listed.err;
  auto tasks = nlohmann::json::parse(listed.out)["tasks"];
  ASSERT_FALSE(tasks.empty());
  const std::string id = tasks[0]["id"];
  auto typo = cli({"eval", "--dataset", dataset, "--task", id + "x", bad}, s.path());
  EXPECT_EQ(typo.exitCode, 3);
  EXPECT_NE(typo.err.find("did you mean '" + id + "'"), std::string::npos) << typo.err;
  auto suites = cli({"list", "suites", "--json"}, s.path());
  EXPECT_TRUE(nlohmann::json::parse(suites.out)["suites"].is_array()) << suites.out;
}

TEST(CliVocabulary, SynthTakesATaskFolderAlone) {
  Scratch s;
  auto r = cli({"synth", "--task", "popcount8", (kSource / "datasets/core/popcount8/bad/skips_msb.sv").string(), "--json",
                "--no-cache"},
               s.path());
  ASSERT_EQ(r.exitCode, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["top"], "TopModule");
  EXPECT_EQ(j["activity_source"], "simulation") << r.out;  // the task's testbench, not the default rate
}

}  // namespace
}  // namespace rtlarena
