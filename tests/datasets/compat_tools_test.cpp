// VerilogEval-compatible evaluation and dataset runs with the real Icarus (tools label).
#include <gtest/gtest.h>

#include <algorithm>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/core/process.h"
#include "rtlarena/core/text.h"
#include "rtlarena/eval/evaluator.h"
#include "rtlarena/eval/verilogeval_compat.h"
#include "rtlarena/tasks/dataset.h"

namespace rtlarena {
namespace {

const std::string kFixtures = std::string(RTLARENA_SOURCE_DIR) + "/tests/datasets/fixtures/";

Task specTask(const std::string& id) {
  auto tasks = loadDataset("verilogeval2:" + kFixtures + "verilogeval2/dataset_spec-to-rtl");
  EXPECT_TRUE(tasks.ok());
  for (auto& t : *tasks)
    if (t.id == id) return t;
  ADD_FAILURE() << "no task " << id;
  return {};
}

char compatCode(const Task& t, const std::string& answer) {
  CompatJob job;
  Evaluation e = evaluateVerilogEval(t, extractVerilogEval(answer, t.kind, t.interface), job);
  EXPECT_NE(e.verdict, Verdict::HarnessError) << e.message;
  return e.compatCode.empty() ? '?' : e.compatCode[0];
}

TEST(VerilogEvalHarness, GoldenPassesAndCommonFailuresGetTheirCodes) {
  Task t = specTask("Prob003_count_down");
  EXPECT_EQ(compatCode(t, "```verilog\n" + t.goldenCandidate + "\n```"), '.');
  EXPECT_EQ(compatCode(t, "[BEGIN]\nmodule TopModule(input clk, input reset, output reg [3:0] q)\n"
                          "  always @(posedge clk) q <= q - 1;\nendmodule\n[DONE]"), 'S');
  EXPECT_EQ(compatCode(t, "[BEGIN]\nmodule Counter(input clk, input reset, output reg [3:0] q);\nendmodule\n[DONE]"), 'm');
  EXPECT_EQ(compatCode(t, "[BEGIN]\nmodule TopModule(input clk, input reset, output reg [3:0] q);\n"
                          "  always @(posedge clk, posedge reset) if (reset) q <= 9; else q <= q + 1;\nendmodule\n[DONE]"), 'r');
  EXPECT_EQ(compatCode(t, "[BEGIN]\nmodule TopModule(input clk, input reset, output [3:0] q);\n"
                          "  always @(posedge clk) q <= 9;\nendmodule\n[DONE]"), 'w');
  EXPECT_EQ(compatCode(t, "[BEGIN]\nmodule TopModule(input clk, input reset, output reg [3:0] q);\n"
                          "  always @(posedge clk) q <= undeclared_thing;\nendmodule\n[DONE]"), 'p');
}

TEST(VerilogEvalHarness, ANeverEndingDesignIsATimeout) {
  Task t = specTask("Prob002_and3");
  // A zero-delay loop: the testbench's watchdog never gets to run, so the 30 s limit fires.
  t.limits.simSeconds = 30;
  EXPECT_EQ(compatCode(t, "[BEGIN]\nmodule TopModule(input a, input b, input c, output reg y);\n"
                          "  initial forever y = a;\nendmodule\n[DONE]"), 'T');
}

TEST(VerilogEvalHarness, AWatchdogLineIsATimeoutEvenAfterACleanResult) {
  // The real dataset has testbenches whose stimulus outlasts their own watchdog (e.g. 200,000
  // cycles against a 100,000-cycle watchdog): the original analyzer scores those T.
  auto tasks = loadDataset("verilogeval2:" + kFixtures + "verilogeval2_quirks/dataset_spec-to-rtl");
  ASSERT_TRUE(tasks.ok()) << tasks.error().message;
  const Task& t = (*tasks)[0];
  CompatJob job;
  Evaluation e = evaluateVerilogEval(t, extractVerilogEval("```\n" + t.goldenCandidate + "\n```", t.kind, t.interface), job);
  EXPECT_EQ(e.compatCode, "T") << e.logTail;
  EXPECT_TRUE(contains(e.message, "printed by the simulation itself")) << e.message;
  EvalOptions o;
  o.policyCheck = false;
  Evaluation native = Evaluator(o).evaluate(t, t.goldenCandidate);
  EXPECT_TRUE(native.passed()) << verdictName(native.verdict) << " " << native.message;
}

TEST(VerilogEvalHarness, AnOutputFloodIsScoredAsTheOriginalsTimeout) {
  // The original has no output cap; a zero-delay printing loop runs into `timeout 30`.
  Task t = specTask("Prob002_and3");
  t.limits.outputBytes = 256 * 1024;
  CompatJob job;
  Evaluation e = evaluateVerilogEval(
      t, extractVerilogEval("[BEGIN]\nmodule TopModule(input a, input b, input c, output y);\n"
                            "  assign y = a & b & c;\n  initial forever $display(\"flood\");\nendmodule\n[DONE]",
                            t.kind, t.interface),
      job);
  EXPECT_EQ(e.compatCode, "T") << e.message << "\n" << e.logTail;
  EXPECT_TRUE(contains(e.message, "printing too much")) << e.message;
  EXPECT_LT(e.wallSeconds, 25.0);  // stopped by the cap, not by the 30 s limit
}

TEST(VerilogEvalHarness, RunningOutOfTheMemoryGuardIsScoredAsTheOriginalsTimeout) {
  // A loop that queues nonblocking updates forever grows until something stops it: the
  // original's `timeout 30`, or here a small guard, which must give the same code.
  Task t = specTask("Prob002_and3");
  CompatJob job;
  job.memoryGuardBytes = 256ull << 20;
  Evaluation e = evaluateVerilogEval(
      t, extractVerilogEval("[BEGIN]\nmodule TopModule(input a, input b, input c, output reg y);\n"
                            "  integer i;\n  initial for (i = 0; i >= 0; i = i + 1) y <= #1 a & b & c;\nendmodule\n[DONE]",
                            t.kind, t.interface),
      job);
  EXPECT_EQ(e.compatCode, "T") << e.message << "\n" << e.logTail;
  EXPECT_TRUE(contains(e.message, "out of memory")) << e.message << "\n" << e.logTail;
  EXPECT_LT(e.wallSeconds, 25.0);  // stopped by the guard, not by the 30 s limit
}

TEST(NativeEvaluation, NonAnsiGoldenPassesAndItsEmptyControlCompilesButFails) {
  auto tasks = loadDataset("rtllm:" + kFixtures + "rtllm_nonansi");
  ASSERT_TRUE(tasks.ok()) << tasks.error().message;
  const Task& t = (*tasks)[0];
  EvalOptions o;
  o.policyCheck = false;
  Evaluator ev(o);
  Evaluation g = ev.evaluate(t, t.goldenCandidate);
  EXPECT_TRUE(g.passed()) << verdictName(g.verdict) << " " << g.message << "\n" << g.logTail;
  // The control must fail on behaviour: a control that does not compile measures nothing.
  Evaluation c = ev.evaluate(t, negativeControlCandidate(t));
  EXPECT_FALSE(c.passed());
  EXPECT_NE(c.verdict, Verdict::CompileError) << c.message << "\n" << c.logTail;
}

TEST(NativeEvaluation, ForeignDatasetGoldensPassOnIcarus) {
  EvalOptions o;
  o.policyCheck = false;
  Evaluator ev(o);
  for (const char* spec : {"verilogeval2:verilogeval2/dataset_code-complete-iccad2023", "verilogeval1:verilogeval1/VerilogEval_Fixture.jsonl",
                           "rtllm:rtllm", "jsonl:jsonl/tasks.jsonl"}) {
    std::string s = spec;
    auto colon = s.find(':');
    auto tasks = loadDataset(s.substr(0, colon + 1) + kFixtures + s.substr(colon + 1));
    ASSERT_TRUE(tasks.ok()) << tasks.error().message;
    for (const auto& t : *tasks) {
      Evaluation e = ev.evaluate(t, t.goldenCandidate);
      EXPECT_TRUE(e.passed()) << spec << " " << t.id << ": " << verdictName(e.verdict) << " " << e.message << "\n" << e.logTail;
      Evaluation c = ev.evaluate(t, negativeControlCandidate(t));
      EXPECT_FALSE(c.passed()) << spec << " " << t.id << " control passed";
    }
  }
}

// `rtlarena run --dataset verilogeval2:<fixture> --json ARGS...` in a fresh folder, with
// `--model reference` unless ARGS name a model; the parsed summary, or null after a failure
// was recorded.
nlohmann::json runReferenceOnFixture(const std::vector<std::string>& args) {
  auto dir = TempDir::create("dsrun");
  if (!dir.ok()) {
    ADD_FAILURE() << dir.error().message;
    return nullptr;
  }
  ProcessSpec spec;
  spec.argv = {RTLARENA_BINARY, "run", "--dataset", "verilogeval2:" + kFixtures + "verilogeval2/dataset_spec-to-rtl",
               "--json", "--no-progress", "--out", (dir->path() / "run").string()};
  if (std::find(args.begin(), args.end(), "--model") == args.end()) spec.argv.insert(spec.argv.end(), {"--model", "reference"});
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.workDir = dir->path().string();
  spec.env = defaultToolEnv(dir->path().string());
  spec.deadline = std::chrono::milliseconds(240000);
  auto r = runProcess(spec);
  if (!r.ok() || r->exitCode != 0) {
    ADD_FAILURE() << (r.ok() ? r->err : r.error().message);
    return nullptr;
  }
  return nlohmann::json::parse(r->out);
}

TEST(DatasetRun, ReferenceInCompatModeScoresFullWithCeilingAndControl) {
  auto j = runReferenceOnFixture({"--compat", "verilogeval"});
  ASSERT_FALSE(j.is_null());
  EXPECT_DOUBLE_EQ(j["pass_at"]["1"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(j["verilogeval_score"].get<double>(), 100.0);
  EXPECT_DOUBLE_EQ(j["golden_ceiling"]["native"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(j["golden_ceiling"]["verilogeval"].get<double>(), 1.0);
  // An empty module drives nothing, so no fixture's negative control passes.
  EXPECT_LT(j["negative_control"]["native"].get<double>(), 0.5);
}

// VerilogEval's verdict depends on the extracted code alone, and the native Icarus run already
// uses the original's compile flags: n identical answers cost one native compile and
// simulation per problem, and every sample still gets both verdicts.
TEST(DatasetRun, IdenticalAnswersAreScoredOnceAndCompatReadsTheNativeRun) {
  auto tasks = loadDataset("verilogeval2:" + kFixtures + "verilogeval2/dataset_spec-to-rtl");
  ASSERT_TRUE(tasks.ok()) << tasks.error().message;
  const int problems = static_cast<int>(tasks->size());
  auto j = runReferenceOnFixture({"-n", "3", "--compat", "verilogeval", "--no-controls"});
  ASSERT_FALSE(j.is_null());
  EXPECT_EQ(j["samples"].get<int>(), 3 * problems);
  EXPECT_EQ(j["evaluated_now"].get<int>(), problems);
  EXPECT_EQ(j["verilogeval_evaluated_now"].get<int>(), 0);
  EXPECT_EQ(j["verilogeval_from_native_now"].get<int>(), problems);
  EXPECT_EQ(j["verilogeval_reused_now"].get<int>(), 2 * problems);
  EXPECT_EQ(j["verilogeval_codes"]["."].get<int>(), 3 * problems);
  EXPECT_DOUBLE_EQ(j["verilogeval_score"].get<double>(), 100.0);
}

// A native evaluation that does not simulate (the policy refuses $display) cannot stand in: the
// compat verdict then comes from its own run of the original's commands. A compile failure
// is read from the native compile.
TEST(DatasetRun, CompatRunsItsOwnSimulationWhenTheNativeOneCannotStandIn) {
  auto dir = TempDir::create("dsrun-replay");
  ASSERT_TRUE(dir.ok());
  const std::string header = "module TopModule (input a, input b, input c, output y);\n";
  nlohmann::json answers[] = {
      {{"task_id", "Prob002_and3"}, {"sample", 0},
       {"response", "[BEGIN]\n" + header + "  assign y = a & b & c;\n  initial $display(\"hi\");\nendmodule\n[DONE]\n"}},
      {{"task_id", "Prob002_and3"}, {"sample", 1}, {"response", "[BEGIN]\n" + header + "  assign y = a & b & c;\nendmodule\n[DONE]\n"}},
      {{"task_id", "Prob002_and3"}, {"sample", 2}, {"response", "[BEGIN]\n" + header + "  assign y = a & b & c\nendmodule\n[DONE]\n"}}};
  std::string lines;
  for (const auto& a : answers) lines += a.dump() + "\n";
  ASSERT_TRUE(writeFile(dir->path() / "answers.jsonl", lines).ok());
  auto j = runReferenceOnFixture({"--model", "replay:" + (dir->path() / "answers.jsonl").string(), "--task", "Prob002_and3",
                                  "-n", "3", "--compat", "verilogeval", "--no-controls"});
  ASSERT_FALSE(j.is_null());
  EXPECT_EQ(j["verdicts"]["policy_violation"].get<int>(), 1) << j.dump();
  EXPECT_EQ(j["verilogeval_evaluated_now"].get<int>(), 1);
  EXPECT_EQ(j["verilogeval_from_native_now"].get<int>(), 2);
  EXPECT_EQ(j["verilogeval_codes"]["."].get<int>(), 2) << j.dump();
  EXPECT_EQ(j["verilogeval_codes"]["S"].get<int>(), 1) << j.dump();
}

}  // namespace
}  // namespace rtlarena
