// `rtlarena eval` as a user meets it: bad input is named, messages speak of the user's file.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "rtlarena/core/files.h"
#include "rtlarena/core/process.h"
#include "rtlarena/core/text.h"
#include "rtlarena/store/store.h"

#include "../support/rtlarena_cli.h"

namespace rtlarena {
namespace {

namespace fs = std::filesystem;
const fs::path kFixture = fs::path(RTLARENA_SOURCE_DIR) / "tests/fixtures/tasks/inv8";

ProcessResult rtlarena(std::vector<std::string> args) { return ::rtlarena::test_support::runRtlarena(args); }

TEST(CliEval, AFolderIsNamedAsTheWrongInput) {
  auto r = rtlarena({"eval", "--task", kFixture.string(), kFixture.string()});
  EXPECT_EQ(r.exitCode, 3);
  EXPECT_NE(r.err.find("is a folder"), std::string::npos) << r.err;
  EXPECT_EQ(splitLines(r.err).size(), 1u) << r.err;
}

TEST(CliEval, AnEmptyFileIsNamedAsTheWrongInput) {
  const fs::path empty = fs::temp_directory_path() / ("rtlarena-empty-" + std::to_string(::getpid()) + ".sv");
  ASSERT_TRUE(writeFile(empty, "\n  \n").ok());
  auto r = rtlarena({"eval", "--task", kFixture.string(), empty.string()});
  EXPECT_EQ(r.exitCode, 3);
  EXPECT_NE(r.err.find("is empty"), std::string::npos) << r.err;
  fs::remove(empty);
}

TEST(CliEval, MessagesNameTheUsersFileNotTheJobsCopy) {
  const fs::path file = fs::temp_directory_path() / ("rtlarena-mine-" + std::to_string(::getpid()) + ".sv");
  ASSERT_TRUE(writeFile(file, "module TopModule(input clk, input [7:0] in, output reg [7:0] out);\n"
                              "  always @(posedge clk) out <= ~inn;\nendmodule\n").ok());
  auto r = rtlarena({"eval", "--task", kFixture.string(), file.string()});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.out.find(file.filename().string()), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("candidate.sv"), std::string::npos) << r.out;
  fs::remove(file);
}

TEST(CliEval, TheTasksOwnReferenceIsExplained) {
  auto r = rtlarena({"eval", "--task", kFixture.string(), (kFixture / "ref.sv").string()});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.out.find("must be called 'TopModule'"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("redeclar"), std::string::npos) << r.out;
}

// VerilogEval's own harness passes a sample that instantiates its reference; the native verdict
// does not, and the run names the sample.
TEST(CliRun, CompatOnlyPassesAreCounted) {
  const fs::path data = fs::path(RTLARENA_SOURCE_DIR) / "tests/datasets/fixtures/verilogeval2/dataset_spec-to-rtl";
  auto dir = TempDir::create("compatonly");
  ASSERT_TRUE(dir.ok());
  const std::string answer =
      "```verilog\nmodule TopModule(input a, input b, input c, output y);\n  RefModule r(.*);\nendmodule\n```\n";
  nlohmann::json line = {{"task_id", "Prob002_and3"}, {"sample", 0}, {"response", answer}};
  ASSERT_TRUE(writeFile(dir->path() / "answers.jsonl", line.dump() + "\n").ok());
  auto r = rtlarena({"run", "--dataset", "verilogeval2:" + data.string(), "--task", "Prob002_and3", "--model",
                     "replay:" + (dir->path() / "answers.jsonl").string(), "--compat", "verilogeval", "--no-controls",
                     "--out", (dir->path() / "run").string(), "--json", "--no-progress"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  auto j = nlohmann::json::parse(std::string(splitLines(r.out).back()));
  EXPECT_EQ(j["pass_at"]["1"].get<double>(), 0.0);
  EXPECT_EQ(j["verilogeval_score"].get<double>(), 100.0);
  ASSERT_EQ(j["verilogeval_only_passes"].size(), 1u) << j.dump();
  EXPECT_NE(j["verilogeval_only_passes"][0].get<std::string>().find("Prob002_and3#0"), std::string::npos);
}

TEST(CliRun, AnUnusedExampleTestbenchIsCutAndRecorded) {
  const fs::path data = fs::path(RTLARENA_SOURCE_DIR) / "tests/datasets/fixtures/verilogeval2/dataset_spec-to-rtl";
  auto dir = TempDir::create("dropped");
  ASSERT_TRUE(dir.ok());
  const std::string answer =
      "```verilog\nmodule TopModule(input a, input b, input c, output y);\n  assign y = a & b & c;\nendmodule\n\n"
      "module example_tb;\n  reg a, b, c; wire y;\n  TopModule dut(.a(a), .b(b), .c(c), .y(y));\n"
      "  initial begin a = 1; b = 1; c = 1; #1 $display(\"y=%b\", y); end\nendmodule\n```\n";
  nlohmann::json line = {{"task_id", "Prob002_and3"}, {"sample", 0}, {"response", answer}};
  ASSERT_TRUE(writeFile(dir->path() / "answers.jsonl", line.dump() + "\n").ok());
  auto r = rtlarena({"run", "--dataset", "verilogeval2:" + data.string(), "--task", "Prob002_and3", "--model",
                     "replay:" + (dir->path() / "answers.jsonl").string(), "--no-controls", "--out",
                     (dir->path() / "run").string(), "--json", "--no-progress"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  auto j = nlohmann::json::parse(std::string(splitLines(r.out).back()));
  EXPECT_EQ(j["pass_at"]["1"].get<double>(), 1.0) << j.dump();
  auto store = Store::openReadOnly(dir->path() / "run");
  ASSERT_TRUE(store.ok()) << store.error().message;
  auto samples = (*store)->samples();
  ASSERT_TRUE(samples.ok());
  ASSERT_EQ(samples->size(), 1u);
  EXPECT_EQ(samples->front().droppedModules, std::vector<std::string>{"example_tb"});
  EXPECT_EQ(samples->front().code.find("example_tb"), std::string::npos);
}

// --judge both: a wrong design that the weak testbench passes is a proved escape; a correct one
// is proved equivalent; the headline pass@1 stays the testbench's.
TEST(CliRun, EquivalenceJudgeFindsATestbenchEscape) {
  const fs::path data = fs::path(RTLARENA_SOURCE_DIR) / "tests/fixtures/mutation";
  auto dir = TempDir::create("judge");
  ASSERT_TRUE(dir.ok());
  auto wrong = readFile(data / "weak_vote4/bad/tie_ignores_en.sv");
  auto right = readFile(data / "weak_vote4/ref.sv");
  ASSERT_TRUE(wrong.ok() && right.ok());
  std::string lines;
  for (const auto& [sample, code] : {std::pair{0, *wrong}, std::pair{1, replaceAll(*right, "RefModule", "TopModule")}})
    lines += nlohmann::json{{"task_id", "weak_vote4"}, {"sample", sample}, {"response", "```verilog\n" + code + "```\n"}}
                 .dump() + "\n";
  ASSERT_TRUE(writeFile(dir->path() / "answers.jsonl", lines).ok());
  auto r = rtlarena({"run", "--dataset", "native:" + data.string(), "--task", "weak_vote4", "-n", "2", "--model",
                     "replay:" + (dir->path() / "answers.jsonl").string(), "--no-controls", "--judge", "both", "--out",
                     (dir->path() / "run").string(), "--json", "--no-progress"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  auto j = nlohmann::json::parse(std::string(splitLines(r.out).back()));
  EXPECT_EQ(j["pass_at"]["1"].get<double>(), 1.0) << j.dump();
  const auto& e = j["equiv"];
  ASSERT_TRUE(e.is_object()) << j.dump();
  EXPECT_EQ(e["equivalent"].get<int>(), 1) << e.dump();
  EXPECT_EQ(e["not_equivalent"].get<int>(), 1) << e.dump();
  EXPECT_DOUBLE_EQ(e["pass_at_1"].get<double>(), 0.5);
  ASSERT_EQ(e["testbench_escapes"].size(), 1u) << e.dump();
  EXPECT_EQ(e["testbench_escapes"][0]["sample"].get<std::string>(), "weak_vote4#0");
  EXPECT_NE(e["testbench_escapes"][0]["counterexample"].get<std::string>().find("tie"), std::string::npos) << e.dump();
}

TEST(CliEval, JudgeEquivFailsAnEscapeThatTheTestbenchPasses) {
  const fs::path task = fs::path(RTLARENA_SOURCE_DIR) / "tests/fixtures/mutation/weak_vote4";
  auto sim = rtlarena({"eval", "--task", task.string(), (task / "bad/tie_ignores_en.sv").string()});
  EXPECT_EQ(sim.exitCode, 0) << sim.out << sim.err;
  auto judged = rtlarena({"eval", "--task", task.string(), (task / "bad/tie_ignores_en.sv").string(), "--judge", "equiv"});
  EXPECT_EQ(judged.exitCode, 1) << judged.out << judged.err;
  EXPECT_NE(judged.out.find("equivalence: not_equivalent"), std::string::npos) << judged.out;
  auto bogus = rtlarena({"eval", "--task", task.string(), (task / "ref.sv").string(), "--judge", "maybe"});
  EXPECT_EQ(bogus.exitCode, 2) << bogus.err;
}

}  // namespace
}  // namespace rtlarena
