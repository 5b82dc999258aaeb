// The rtlarena tool as a user meets it: exit codes, one-line errors, JSON output, export.
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
const fs::path kFixture = fs::path(RTLARENA_SOURCE_DIR) / "tests/fixtures/tasks/inv8";

ProcessResult cli(std::vector<std::string> args, const std::string& cwd = "/tmp") { return ::rtlarena::test_support::runRtlarena(args, {cwd}); }

TEST(Cli, UnknownFlagIsAUsageError) {
  auto r = cli({"run", "--bogus"});
  EXPECT_EQ(r.exitCode, 2);
}

TEST(Cli, UnknownSuiteNamesItAndTheKnownOnes) {
  auto r = cli({"run", "--suite", "nosuch"});
  EXPECT_EQ(r.exitCode, 3);
  EXPECT_NE(r.err.find("nosuch"), std::string::npos);
  EXPECT_NE(r.err.find("core"), std::string::npos);
  EXPECT_EQ(splitLines(r.err).size(), 1u) << r.err;
}

TEST(Cli, MalformedTaskJsonNamesFileAndField) {
  auto dir = TempDir::create("badtask");
  ASSERT_TRUE(dir.ok());
  fs::path task = dir->path() / "inv8";
  fs::copy(kFixture, task, fs::copy_options::recursive);
  auto json = readFile(task / "task.json");
  ASSERT_TRUE(json.ok());
  ASSERT_TRUE(writeFile(task / "task.json", replaceAll(*json, "\"spec-to-rtl\"", "\"spec2rtl\"")).ok());
  auto r = cli({"eval", "--task", task.string(), (kFixture / "ref.sv").string()});
  EXPECT_EQ(r.exitCode, 3);
  EXPECT_NE(r.err.find("task.json"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("'kind'"), std::string::npos) << r.err;
}

TEST(Cli, MissingCandidateFileIsAnInputError) {
  auto r = cli({"eval", "--task", kFixture.string(), "/nonexistent/file.sv"});
  EXPECT_EQ(r.exitCode, 3);
  EXPECT_NE(r.err.find("/nonexistent/file.sv"), std::string::npos);
}

TEST(Cli, EvalJsonReportsVerdictAndCounts) {
  auto dir = TempDir::create("eval");
  ASSERT_TRUE(dir.ok());
  auto ref = readFile(kFixture / "ref.sv");
  ASSERT_TRUE(writeFile(dir->path() / "good.sv", replaceIdentifier(*ref, "RefModule", "TopModule")).ok());
  auto r = cli({"eval", "--task", kFixture.string(), (dir->path() / "good.sv").string(), "--json"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["verdict"], "pass");
  EXPECT_EQ(j["mismatches"], 0);
  EXPECT_EQ(j["samples"], 50);
  auto bad = cli({"eval", "--task", kFixture.string(), (kFixture / "bad/no_invert.sv").string(), "--json"});
  EXPECT_EQ(bad.exitCode, 1);
  EXPECT_EQ(nlohmann::json::parse(bad.out)["verdict"], "mismatch");
}

// `--sim both` runs the candidate under Icarus and Verilator. A design that drives X is
// judged differently (Icarus keeps X, Verilator turns it into a value that sometimes
// matches), and that disagreement is reported; the golden design agrees.
TEST(Cli, EvalBothSimulatorsFlagsDisagreement) {
  auto dir = TempDir::create("evalboth");
  ASSERT_TRUE(dir.ok());
  auto ref = readFile(kFixture / "ref.sv");
  ASSERT_TRUE(writeFile(dir->path() / "good.sv", replaceIdentifier(*ref, "RefModule", "TopModule")).ok());
  ASSERT_TRUE(writeFile(dir->path() / "xdrive.sv",
                        "module TopModule(input clk, input [7:0] in, output reg [7:0] out);\n"
                        "  always @(posedge clk) out <= 8'bx;\nendmodule\n").ok());
  auto good = cli({"eval", "--sim", "both", "--task", kFixture.string(), (dir->path() / "good.sv").string(), "--json"});
  EXPECT_EQ(good.exitCode, 0) << good.err;
  auto g = nlohmann::json::parse(good.out);
  EXPECT_EQ(g["simulator"], "icarus");
  EXPECT_EQ(g["verilator"]["simulator"], "verilator");
  EXPECT_EQ(g["verilator"]["verdict"], "pass");
  EXPECT_FALSE(g["simulators_disagree"].get<bool>());
  auto x = cli({"eval", "--sim", "both", "--task", kFixture.string(), (dir->path() / "xdrive.sv").string(), "--json"});
  EXPECT_EQ(x.exitCode, 1);
  auto j = nlohmann::json::parse(x.out);
  EXPECT_EQ(j["verdict"], "mismatch");
  EXPECT_EQ(j["mismatches"], 50);
  EXPECT_LT(j["verilator"]["mismatches"].get<int>(), 50);
  EXPECT_TRUE(j["simulators_disagree"].get<bool>());
}

TEST(Cli, RunJsonThenExportAndResumeRefusesOtherConfig) {
  auto dir = TempDir::create("run");
  ASSERT_TRUE(dir.ok());
  const std::string out = (dir->path() / "run").string();
  const std::string suite = (kFixture.parent_path()).string();
  auto r = cli({"run", "--suite", suite, "--model", "bad", "-n", "3", "--out", out, "--json"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  for (const char* key : {"run_id", "suite", "model", "tasks", "samples", "pass_at", "verdicts", "wall_seconds"})
    EXPECT_TRUE(j.contains(key)) << key;
  EXPECT_EQ(j["tasks"], 1);
  EXPECT_EQ(j["samples"], 3);
  EXPECT_EQ(j["pass_at"]["1"], 0.0);
  EXPECT_EQ(j["verdicts"]["mismatch"], 3);

  auto ex = cli({"export", out, "--jsonl"});
  ASSERT_EQ(ex.exitCode, 0) << ex.err;
  auto lines = splitLines(ex.out);
  ASSERT_EQ(lines.size(), 3u);
  auto first = nlohmann::json::parse(lines[0]);
  for (const char* key : {"task_id", "sample", "verdict", "class", "code"}) EXPECT_TRUE(first.contains(key)) << key;

  auto again = cli({"run", "--suite", suite, "--model", "bad", "-n", "3", "--out", out, "--json"});
  ASSERT_EQ(again.exitCode, 0) << again.err;
  EXPECT_EQ(nlohmann::json::parse(again.out)["evaluated_now"], 0);

  auto other = cli({"run", "--suite", suite, "--model", "reference", "-n", "3", "--out", out});
  EXPECT_EQ(other.exitCode, 2);
  EXPECT_NE(other.err.find("model"), std::string::npos) << other.err;
}

// `run --judge differential`: the weak fixture's testbench passes a counter that ignores its
// enable; random stimulus against the reference shows it differs, and the summary names it.
TEST(Cli, RunDifferentialJudgeReportsTheTestbenchEscape) {
  auto dir = TempDir::create("run-differential");
  ASSERT_TRUE(dir.ok());
  const std::string weak = std::string(RTLARENA_SOURCE_DIR) + "/tests/fixtures/weak_tasks";
  auto r = cli({"run", "--dataset", "native:" + weak, "--model", "bad", "-n", "2", "--judge", "differential",
                "--out", (dir->path() / "run").string(), "--json"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["pass_at"]["1"], 0.5);  // the testbench passes one of the two wrong counters
  ASSERT_TRUE(j.contains("differential")) << r.out;
  EXPECT_EQ(j["differential"]["pass_at_1"], 0.0);
  EXPECT_EQ(j["differential"]["verdicts"]["mismatch"], 2);
  ASSERT_EQ(j["differential"]["testbench_escapes"].size(), 1u);
  EXPECT_NE(j["differential"]["testbench_escapes"][0]["difference"].get<std::string>().find("sequences differ"),
            std::string::npos);

  auto ref = cli({"run", "--dataset", "native:" + weak, "--model", "reference", "--judge", "differential",
                  "--out", (dir->path() / "ref").string(), "--json"});
  ASSERT_EQ(ref.exitCode, 0) << ref.err;
  EXPECT_EQ(nlohmann::json::parse(ref.out)["differential"]["pass_at_1"], 1.0);
}

TEST(Cli, ExportOfAFolderThatIsNotARunFailsAndCreatesNothing) {
  auto dir = TempDir::create("export");
  ASSERT_TRUE(dir.ok());
  auto r = cli({"export", dir->path().string(), "--jsonl"});
  EXPECT_EQ(r.exitCode, 3);
  EXPECT_NE(r.err.find(dir->path().string()), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("results.sqlite"), std::string::npos) << r.err;
  EXPECT_EQ(splitLines(r.err).size(), 1u) << r.err;
  EXPECT_TRUE(fs::is_empty(dir->path()));
}

}  // namespace
}  // namespace rtlarena
