// Assertion and nl2sva tasks end to end on small tasks of ours: extraction of property answers,
// refusal of constraining constructs, per-assertion scores, nl2sva relations by formal
// equivalence, the loaders of AssertionBench's JSON and FVEval's CSV, and `rtlarena run` /
// `rtlarena eval` on an assertion suite with the per-assertion verdicts in the summary.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/core/process.h"
#include "rtlarena/core/text.h"
#include "rtlarena/eval/extract.h"
#include "rtlarena/formal/answer_judge.h"
#include "rtlarena/formal/assertion_mode.h"
#include "rtlarena/run/run_driver.h"
#include "rtlarena/store/store.h"
#include "rtlarena/tasks/dataset.h"
#include "rtlarena/tasks/suite.h"

#include "../support/rtlarena_cli.h"

using namespace rtlarena;
using namespace rtlarena::formal;
namespace fs = std::filesystem;

namespace {

const fs::path kRoot = RTLARENA_SOURCE_DIR;

Task suiteTask(const std::string& suite, const std::string& id) {
  auto t = loadTaskDir(kRoot / "datasets" / suite / id, suite);
  EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.error().describe());
  return t.ok() ? *t : Task{};
}

CheckOptions options() {
  CheckOptions o;
  o.jobs = 2;
  return o;
}

nlohmann::json detail(const FormalJudgement& j) { return nlohmann::json::parse(j.detailJson); }

}  // namespace

TEST(PropertyExtraction, TakesTaggedFencedOrBareAssertions) {
  EXPECT_EQ(extractProperties("x\n[BEGIN]\n```sv\nassert property (a);\n```\n[DONE]\n").code, "assert property (a);\n");
  auto two = extractProperties("First:\n```\na1: assert property (a);\n```\nthen\n```\nbind m c u(.*);\n```\n");
  EXPECT_EQ(two.code, "a1: assert property (a);\n\nbind m c u(.*);\n");
  EXPECT_EQ(extractProperties("assert property (@(posedge clk) a);").method, ExtractMethod::Whole);
  EXPECT_TRUE(extractProperties("no properties here").code.empty());
  EXPECT_TRUE(extractProperties("```\nassert property (a);").truncated);
  EXPECT_TRUE(extractProperties("<think>assert property (a);</think>nothing").code.empty());
}

TEST(AssertionTask, ConstrainingConstructsAreRefusedBeforeAnyProof) {
  EXPECT_EQ(constrainingConstruct("assume property (@(posedge clk) !full);"), std::optional<std::string>("assume"));
  EXPECT_EQ(constrainingConstruct("module c(output x); endmodule"), std::optional<std::string>("output"));
  EXPECT_EQ(constrainingConstruct("`include \"x.sv\"\n"), std::optional<std::string>("`include"));
  EXPECT_FALSE(constrainingConstruct("a: assert property (@(posedge clk) x |-> y); // assume nothing"));
  Task t = suiteTask("assertions", "mod10_counter");
  // Assuming the counter never reaches 9 would make a false assertion "proven".
  auto j = judgeAssertionAnswer(t,
                                "assume property (@(posedge clk) q != 4'd9);\n"
                                "assert property (@(posedge clk) disable iff (!rst_n) q < 4'd9);\n",
                                options());
  EXPECT_EQ(j.eval.verdict, Verdict::PolicyViolation);
  EXPECT_EQ(j.eval.cls, "assume");
}

TEST(AssertionTask, ScoreIsTheShareProvenWithEveryVerdictCounted) {
  Task t = suiteTask("assertions", "mod10_counter");
  const std::string answer =
      "ok1: assert property (@(posedge clk) disable iff (!rst_n) q <= 4'd9);\n"
      "bad: assert property (@(posedge clk) disable iff (!rst_n) q < 4'd9);\n"
      "vac: assert property (@(posedge clk) disable iff (!rst_n) q == 4'd12 |-> tc);\n"
      "syn: assert property (@(posedge clk) disable iff (!rst_n) nosuch |-> tc);\n";
  auto j = judgeAssertionAnswer(t, answer, options());
  EXPECT_EQ(j.eval.verdict, Verdict::Mismatch) << j.eval.message;
  EXPECT_EQ(j.eval.samples, 4);
  EXPECT_EQ(j.eval.mismatches, 3);
  auto d = detail(j);
  EXPECT_DOUBLE_EQ(d["score"].get<double>(), 0.25);
  EXPECT_EQ(d["counts"]["proven"], 1);
  EXPECT_EQ(d["counts"]["cex"], 1);
  EXPECT_EQ(d["counts"]["vacuous"], 1);
  EXPECT_EQ(d["counts"]["syntax_error"], 1);
  ASSERT_EQ(d["assertions"].size(), 4u);
  EXPECT_EQ(d["assertions"][1]["name"], "bad");
  EXPECT_EQ(d["assertions"][1]["verdict"], "cex");

  auto golden = judgeAssertionAnswer(t, t.goldenCandidate, options());
  EXPECT_EQ(golden.eval.verdict, Verdict::Pass) << golden.eval.message << golden.eval.logTail;
  auto none = judgeAssertionAnswer(t, "// nothing to assert\n", options());
  EXPECT_EQ(none.eval.verdict, Verdict::SyntaxError);
  EXPECT_EQ(none.eval.cls, "no_assertions");
}

TEST(Nl2svaTask, RelationsAreDecidedByEquivalenceNotText) {
  Task t = suiteTask("nl2sva", "valid_held_stable");
  auto same = judgeNl2svaAnswer(t, t.goldenCandidate, options());
  EXPECT_EQ(same.eval.verdict, Verdict::Pass) << same.eval.message;
  // Written differently, meaning the same: equivalent.
  auto rewritten = judgeNl2svaAnswer(
      t, "assert property (@(posedge clk) disable iff (!reset_) (valid && !ready) |-> ##1 (valid && data == $past(data)));",
      options());
  EXPECT_EQ(rewritten.eval.verdict, Verdict::Pass) << rewritten.eval.message;
  auto weaker = judgeNl2svaAnswer(t, t.badVariants[0].text, options());
  EXPECT_EQ(weaker.eval.cls, "implied_by") << weaker.eval.message;
  auto stronger = judgeNl2svaAnswer(t, t.badVariants[1].text, options());
  EXPECT_EQ(stronger.eval.cls, "implies") << stronger.eval.message;
  auto unrelated = judgeNl2svaAnswer(t, "assert property (@(posedge clk) disable iff (tb_reset) ready |=> !valid);", options());
  EXPECT_EQ(unrelated.eval.cls, "unrelated");
  EXPECT_TRUE(detail(unrelated)["syntax_ok"].get<bool>());
  auto broken = judgeNl2svaAnswer(t, "assert property (@(posedge clk) valid |=> vld_typo);", options());
  EXPECT_EQ(broken.eval.verdict, Verdict::SyntaxError);
  EXPECT_FALSE(detail(broken)["syntax_ok"].get<bool>());
}

TEST(FvevalLoader, Nl2svaFixtureLoadsAndReferencesAreEquivalentOnlyToThemselves) {
  auto tasks = loadDataset("fveval-nl2sva:" + (kRoot / "tests/fixtures/fveval/nl2sva_small.csv").string());
  ASSERT_TRUE(tasks.ok()) << tasks.error().describe();
  ASSERT_EQ(tasks->size(), 2u);
  const Task& t = (*tasks)[0];
  EXPECT_EQ(t.id, "pipe_0");
  EXPECT_EQ(t.kind, TaskKind::Nl2sva);
  EXPECT_EQ(t.top, "pipe_tb");
  EXPECT_TRUE(contains(t.goldenCandidate, "!== 1'b1"));
  EXPECT_TRUE(contains(t.spec, "only in the cycle after"));
  EXPECT_EQ(t.meta.at("reset"), "reset_");
  for (const Task& task : *tasks) {
    auto self = judgeNl2svaAnswer(task, task.goldenCandidate, options());
    EXPECT_EQ(self.eval.verdict, Verdict::Pass) << task.id << ": " << self.eval.message;
  }
  // Deliberate changes: a delay moved, an operand dropped.
  auto moved = judgeNl2svaAnswer((*tasks)[1], "asrt: assert property (@(posedge clk) disable iff (tb_reset) in_vld |-> out_vld);",
                                 options());
  EXPECT_EQ(moved.eval.verdict, Verdict::Mismatch);
  auto dropped = judgeNl2svaAnswer(
      t, "asrt: assert property (@(posedge clk) disable iff (tb_reset) (out_vld) !== 1'b1);", options());
  EXPECT_EQ(dropped.eval.verdict, Verdict::Mismatch);
  EXPECT_EQ(dropped.eval.cls, "implies");
}

TEST(FvevalLoader, MalformedCsvNamesTheLine) {
  auto tmp = TempDir::create("fveval-bad");
  ASSERT_TRUE(tmp.ok());
  const fs::path f = tmp->path() / "x.csv";
  ASSERT_TRUE(writeFile(f, "design_name,task_id,prompt,ref_solution\nd,t,p,r\n").ok());
  auto r = loadDataset("fveval-nl2sva:" + f.string());
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(contains(r.error().message, "testbench")) << r.error().message;
  ASSERT_TRUE(writeFile(f, "design_name,task_id,prompt,ref_solution,testbench\nd,t,\"p,r\n").ok());
  r = loadDataset("fveval-nl2sva:" + f.string());
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(contains(r.error().message, "never closed")) << r.error().message;
}

TEST(FvevalLoader, Design2svaAnswersCompleteTheBoundTestbench) {
  auto tasks = loadDataset("fveval-design2sva:" + (kRoot / "tests/fixtures/fveval/design2sva_small.csv").string());
  ASSERT_TRUE(tasks.ok()) << tasks.error().describe();
  ASSERT_EQ(tasks->size(), 1u);
  const Task& t = (*tasks)[0];
  EXPECT_EQ(t.kind, TaskKind::Assertion);
  EXPECT_EQ(t.top, "toggler");
  auto j = judgeAssertionAnswer(t,
                                "a1: assert property (@(posedge clk) disable iff (tb_reset) en |=> q != $past(q));\n"
                                "a2: assert property (@(posedge clk) disable iff (tb_reset) !en |=> q);\n",
                                options());
  auto d = detail(j);
  EXPECT_EQ(d["counts"]["proven"], 1) << j.detailJson;
  EXPECT_EQ(d["counts"]["cex"], 1) << j.detailJson;
}

TEST(AssertionBenchLoader, DesignsBecomeAssertionTasksWithTheirTop) {
  auto tasks = loadDataset("assertionbench:" + (kRoot / "tests/fixtures/assertionbench/verilog_designs.json").string());
  ASSERT_TRUE(tasks.ok()) << tasks.error().describe();
  ASSERT_EQ(tasks->size(), 2u);
  EXPECT_EQ((*tasks)[0].id, "blinker");
  EXPECT_EQ((*tasks)[0].top, "blinker");
  EXPECT_EQ((*tasks)[1].top, "pair_top");  // the module nothing instantiates
  EXPECT_EQ((*tasks)[1].kind, TaskKind::Assertion);
  auto j = judgeAssertionAnswer((*tasks)[0], "assert property (@(posedge clk) disable iff (rst) n == 2'd3 |=> led != $past(led));",
                                options());
  EXPECT_EQ(j.eval.verdict, Verdict::Pass) << j.eval.message << j.eval.logTail;
  auto tmp = TempDir::create("ab-bad");
  ASSERT_TRUE(tmp.ok());
  ASSERT_TRUE(writeFile(tmp->path() / "v.json", "[{\"file_name\": \"x.v\"}]").ok());
  auto bad = loadDataset("assertionbench:" + (tmp->path() / "v.json").string());
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(contains(bad.error().message, "verilog_design")) << bad.error().message;
}

namespace {

ProcessResult cli(std::vector<std::string> args, const std::string& cwd) { return ::rtlarena::test_support::runRtlarena(args, {cwd}); }

}  // namespace

TEST(AssertionRun, RunReportsTheShareProvenAndTheControlsPerAssertion) {
  auto tmp = TempDir::create("assert-run");
  ASSERT_TRUE(tmp.ok());
  const std::string out = (tmp->path() / "run").string();
  auto r = cli({"run", "--suite", "assertions", "--task", "mod10_counter", "--task", "edge_detect", "--model", "bad",
                "--controls", "--no-control-cache", "--no-progress", "-j", "2", "--out", out, "--json"},
               tmp->path().string());
  ASSERT_EQ(r.exitCode, 0) << r.err << r.out;
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_TRUE(j.is_object()) << r.out;
  ASSERT_TRUE(j.contains("formal")) << r.out;
  // The model here answers with the wrong properties: nothing proven; the golden set all proven.
  EXPECT_DOUBLE_EQ(j["formal"]["native"]["assertion_score"].get<double>(), 0.0) << r.out;
  EXPECT_DOUBLE_EQ(j["formal"]["golden"]["assertion_score"].get<double>(), 1.0) << r.out;
  EXPECT_GE(j["formal"]["native"]["assertion_verdicts"]["cex"].get<int>(), 2) << r.out;
  // The per-assertion verdicts are stored beside the sample's verdict.
  auto store = Store::openReadOnly(out);
  ASSERT_TRUE(store.ok());
  auto extras = (*store)->extras("formal");
  ASSERT_TRUE(extras.ok());
  bool found = false;
  for (const auto& [key, text] : *extras)
    if (key == "native:mod10_counter#0") found = contains(text, "\"verdict\":\"cex\"");
  EXPECT_TRUE(found);
}

TEST(AssertionRun, EvalJudgesOnePropertyFile) {
  auto tmp = TempDir::create("assert-eval");
  ASSERT_TRUE(tmp.ok());
  const fs::path task = kRoot / "datasets/assertions/mod10_counter";
  auto golden = cli({"eval", "--task", task.string(), (task / "golden.sv").string(), "--json"}, tmp->path().string());
  EXPECT_EQ(golden.exitCode, 0) << golden.err << golden.out;
  auto j = nlohmann::json::parse(golden.out, nullptr, false);
  ASSERT_TRUE(j.is_object()) << golden.out;
  EXPECT_EQ(j["verdict"], "pass");
  EXPECT_DOUBLE_EQ(j["formal"]["score"].get<double>(), 1.0);
  auto wrong = cli({"eval", "--task", task.string(), (task / "bad/wrong_1.sv").string()}, tmp->path().string());
  EXPECT_EQ(wrong.exitCode, 1) << wrong.err << wrong.out;
  EXPECT_TRUE(contains(wrong.out, "cex")) << wrong.out;
}

TEST(AssertionRun, OtherBenchmarksRunAsPublished) {
  auto tmp = TempDir::create("assert-datasets");
  ASSERT_TRUE(tmp.ok());
  auto fv = cli({"run", "--dataset", "fveval-nl2sva:" + (kRoot / "tests/fixtures/fveval/nl2sva_small.csv").string(), "--model",
                 "reference", "--no-control-cache", "--no-progress", "--out", (tmp->path() / "fv").string(), "--json"},
                tmp->path().string());
  ASSERT_EQ(fv.exitCode, 0) << fv.err;
  auto j = nlohmann::json::parse(fv.out, nullptr, false);
  ASSERT_TRUE(j.is_object()) << fv.out;
  EXPECT_DOUBLE_EQ(j["formal"]["native"]["nl2sva_functional"].get<double>(), 1.0) << fv.out;
  EXPECT_DOUBLE_EQ(j["formal"]["native"]["nl2sva_syntax"].get<double>(), 1.0) << fv.out;
  EXPECT_FALSE(j["formal"].contains("control")) << "FVEval brings no wrong assertions: " << fv.out;
  auto ab = cli({"run", "--dataset", "assertionbench:" + (kRoot / "tests/fixtures/assertionbench/verilog_designs.json").string(),
                 "--model", "reference", "--no-control-cache", "--no-progress", "--out", (tmp->path() / "ab").string(), "--json"},
                tmp->path().string());
  ASSERT_EQ(ab.exitCode, 0) << ab.err;
  j = nlohmann::json::parse(ab.out, nullptr, false);
  ASSERT_TRUE(j.is_object()) << ab.out;
  EXPECT_EQ(j["formal"]["native"]["assertion_answers"], 2) << ab.out;  // no golden set: nothing to answer with
}

TEST(AssertionRun, ARunMixingAssertionAndDesignTasksIsRefusedBeforeAnythingIsStored) {
  auto tmp = TempDir::create("assert-mixed");
  ASSERT_TRUE(tmp.ok());
  ModeRegistry registry;
  registerAssertionMode(registry);
  RunOptions o;
  o.tasks = {suiteTask("assertions", "mod10_counter")};
  auto rtl = loadSuiteDir(kRoot / "tests/fixtures/tasks");
  ASSERT_TRUE(rtl.ok()) << rtl.error().describe();
  o.tasks.push_back(rtl->front());
  o.provider.spec = "reference";
  o.outDir = (tmp->path() / "run").string();
  o.progress = false;
  o.registry = &registry;
  auto r = runBenchmark(o);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(contains(r.error().message, "not both")) << r.error().message;
  EXPECT_FALSE(fs::exists(tmp->path() / "run" / "results.sqlite"));
}

TEST(AssertionTask, AnswersThatChangeTheDesignAreRefused) {
  Task t = suiteTask("assertions", "sync_fifo4");
  // Defining the design's module again would replace it with one where the claim holds.
  auto redefined = judgeAssertionAnswer(
      t, "module sync_fifo4(input clk); wire [2:0] count = 3'd0; endmodule\n"
         "assert property (@(posedge clk) count == 3'd0);\n",
      options());
  EXPECT_EQ(redefined.eval.verdict, Verdict::PolicyViolation) << redefined.eval.message;
  EXPECT_EQ(redefined.eval.cls, "drives_design");
  // A bound checker that assigns the design's signal instead of reading it.
  auto driving = judgeAssertionAnswer(t,
                                      "module chk(input clk, input [2:0] count);\n"
                                      "  always @(posedge clk) count <= 3'd0;\n"
                                      "  a: assert property (@(posedge clk) count <= 3'd0);\n"
                                      "endmodule\nbind sync_fifo4 chk u_chk(.*);\n",
                                      options());
  EXPECT_EQ(driving.eval.verdict, Verdict::PolicyViolation) << driving.eval.message;
  // Reading them, with helper logic of its own and comparisons, is what checkers do.
  auto reading = judgeAssertionAnswer(t,
                                      "module chk(input clk, input rst_n, input [2:0] count);\n"
                                      "  reg [2:0] last;\n"
                                      "  always @(posedge clk) if (count <= 3'd4) last <= count;\n"
                                      "  property small; @(posedge clk) count <= 3'd4; endproperty\n"
                                      "  a: assert property (small);\n"
                                      "endmodule\nbind sync_fifo4 chk u_chk(.*);\n",
                                      options());
  EXPECT_EQ(reading.eval.verdict, Verdict::Pass) << reading.eval.message << reading.eval.logTail;
}
