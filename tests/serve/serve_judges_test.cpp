// The function judges of the reward server over real HTTP on loopback: differential random
// simulation and formal equivalence. A correct answer gets full function credit under each; a
// wrong answer that the weak fixture testbench (tests/fixtures/weak_tasks) passes is caught by
// both; every reward equals what the evaluator (`rtlarena eval --judge ...`) gives for the same
// answer; the forgery fixtures get no more than an honest wrong answer under the differential
// judge too.
#include <filesystem>

#include "rtlarena/equiv/judge.h"
#include "rtlarena/eval/differential.h"
#include "rtlarena/eval/evaluator.h"
#include "rtlarena/eval/extract.h"
#include "serve_harness.h"

namespace rtlarena {
namespace {

using namespace rtlarena::testing;
using nlohmann::json;
namespace fs = std::filesystem;

const std::string kWeakSuite = "tests/fixtures/weak_tasks";
const std::string kCounter =
    "module TopModule(input clk, input rst, input en, output reg [3:0] q);\n"
    "  always @(posedge clk)\n    if (rst) q <= 4'd0;\n    else if (en) q <= q + 4'd1;\nendmodule\n";

json item(const std::string& task, const std::string& response) { return {{"task_id", task}, {"response", response}}; }

RewardConfig judged(FunctionJudge judge, const std::string& suite = "") {
  RewardConfig c;
  if (suite.empty())
    c.functionJudge = judge;
  else
    c.suiteJudges[suite] = judge;
  return c;
}

// What `rtlarena eval --judge differential` gives for the code: the native verdict and the
// generated bench's verdict from the same evaluator.
double evalDifferentialReward(const RewardConfig& c, const Task& task, const std::string& code) {
  Evaluator evaluator(EvalOptions{});
  const Evaluation native = evaluator.evaluate(task, code);
  auto diff = differentialTask(task, c.differential);
  EXPECT_TRUE(diff.ok());
  const bool judgeable = native.verdict == Verdict::Pass || native.verdict == Verdict::Mismatch ||
                         native.verdict == Verdict::SimTimeout || native.verdict == Verdict::SimCrash;
  if (!judgeable) return shapeJudgedReward(c, FunctionJudge::Differential, native, nullptr, std::nullopt).reward;
  const Evaluation function = evaluator.evaluate(*diff, code);
  return shapeJudgedReward(c, FunctionJudge::Differential, native, &function, std::nullopt).reward;
}

TEST(ServeJudges, DifferentialGivesFullCreditToACorrectAnswerAndCatchesWhatTheWeakTestbenchMisses) {
  const std::string wrong = fixture(kWeakSuite + "/count4_en/bad/ignores_enable.sv");
  // The testbench judge: the weak bench passes the wrong counter.
  {
    ServeHarness h({}, 2, {}, kWeakSuite);
    auto r = h.post("/v1/reward", item("count4_en", fenced(wrong)));
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json["verdict"], "pass");
    EXPECT_DOUBLE_EQ(r.json["reward"].get<double>(), 1.0);
    EXPECT_EQ(r.json["details"]["function_judge"], "testbench");
  }
  // The differential judge for this suite only ([function.suites]).
  const RewardConfig c = judged(FunctionJudge::Differential, "weak_tasks");
  ServeHarness h({}, 2, c, kWeakSuite);
  auto r = h.post("/v1/reward", json{{"items", {item("count4_en", fenced(kCounter)), item("count4_en", fenced(wrong))}}});
  ASSERT_EQ(r.status, 200) << r.body;
  const auto& good = r.json["results"][0];
  const auto& bad = r.json["results"][1];
  EXPECT_DOUBLE_EQ(good["reward"].get<double>(), 1.0) << good.dump();
  EXPECT_EQ(good["details"]["function_judge"], "differential");
  EXPECT_EQ(good["details"]["function"]["verdict"], "pass");
  EXPECT_EQ(good["details"]["function"]["samples"], c.differential.sequences);
  EXPECT_EQ(bad["verdict"], "pass") << "the verdict stays the testbench's";
  EXPECT_EQ(bad["details"]["function"]["verdict"], "mismatch") << bad.dump();
  EXPECT_LT(bad["components"]["function"].get<double>(), 0.5);
  EXPECT_LT(bad["reward"].get<double>(), good["reward"].get<double>());
  EXPECT_NE(bad["details"]["function"]["message"].get<std::string>().find("sequence"), std::string::npos) << bad.dump();
  // Exactly what the evaluator gives for the same answers under the same judge.
  auto task = loadTaskDir(kSource / kWeakSuite / "count4_en", "weak_tasks");
  ASSERT_TRUE(task.ok());
  EXPECT_DOUBLE_EQ(bad["reward"].get<double>(), evalDifferentialReward(c, *task, wrong));
  EXPECT_DOUBLE_EQ(good["reward"].get<double>(), evalDifferentialReward(c, *task, kCounter));
  // The same answer again: from the cache, the same reward.
  auto again = h.post("/v1/reward", item("count4_en", fenced(wrong)));
  EXPECT_EQ(again.json["cached"], true);
  EXPECT_EQ(again.json["reward"], bad["reward"]);
}

TEST(ServeJudges, EquivalenceGivesFullCreditOnlyToAProof) {
  const RewardConfig c = judged(FunctionJudge::Equiv);
  ServeHarness h({}, 2, c, kWeakSuite);
  const std::string wrong = fixture(kWeakSuite + "/count4_en/bad/ignores_enable.sv");
  auto r = h.post("/v1/reward", json{{"items", {item("count4_en", fenced(kCounter)), item("count4_en", fenced(wrong))}}});
  ASSERT_EQ(r.status, 200) << r.body;
  const auto& good = r.json["results"][0];
  const auto& bad = r.json["results"][1];
  EXPECT_DOUBLE_EQ(good["reward"].get<double>(), 1.0) << good.dump();
  EXPECT_EQ(good["details"]["function"]["class"], "equivalent");
  EXPECT_EQ(bad["details"]["function"]["class"], "not_equivalent") << bad.dump();
  EXPECT_DOUBLE_EQ(bad["components"]["function"].get<double>(), 0.0);
  // The evaluator's and the judge's own verdicts, shaped: the same reward.
  auto task = loadTaskDir(kSource / kWeakSuite / "count4_en", "weak_tasks");
  ASSERT_TRUE(task.ok());
  const Evaluation native = Evaluator(EvalOptions{}).evaluate(*task, wrong);
  equiv::EquivOptions o;
  const auto [reference, refTop] = equiv::taskReference(*task);
  auto proof = equiv::judgeEquivalence(reference, refTop, wrong, task->top, o);
  ASSERT_TRUE(proof.ok());
  const Evaluation function = equiv::asEvaluation(*proof);
  EXPECT_DOUBLE_EQ(bad["reward"].get<double>(),
                   shapeJudgedReward(c, FunctionJudge::Equiv, native, &function, std::nullopt).reward);
}

TEST(ServeJudges, ForgeriesGetNoMoreThanAnHonestWrongAnswerUnderTheDifferentialJudge) {
  RewardConfig c = judged(FunctionJudge::Differential);
  c.differential = {8, 30};
  ServeHarness h({}, 2, c);
  auto task = loadTaskDir(kSource / "tests/fixtures/tasks/inv8", "tasks");
  ASSERT_TRUE(task.ok());
  std::vector<std::string> names, codes;
  json items = json::array();
  for (const auto& e : fs::directory_iterator(kSource / "tests/eval/forgery")) {
    names.push_back(e.path().filename().string());
    codes.push_back(fixture("tests/eval/forgery/" + names.back()));
    items.push_back(item("inv8", fenced(codes.back())));
  }
  ASSERT_GE(names.size(), 10u);
  auto honest = h.post("/v1/reward", item("inv8", fenced(fixture("tests/fixtures/tasks/inv8/bad/no_invert.sv"))));
  ASSERT_EQ(honest.status, 200);
  EXPECT_EQ(honest.json["details"]["function"]["verdict"], "mismatch") << honest.body;
  const double honestWrong = honest.json["reward"].get<double>();
  auto r = h.post("/v1/reward", json{{"items", items}});
  ASSERT_EQ(r.status, 200) << r.body;
  for (std::size_t n = 0; n < names.size(); ++n) {
    const auto& got = r.json["results"][n];
    SCOPED_TRACE(names[n] + ": " + got.dump());
    ExtractOptions eo;
    eo.top = task->top;
    const std::string code = extractCandidate(fenced(codes[n]), eo).code;
    EXPECT_DOUBLE_EQ(got["reward"].get<double>(), evalDifferentialReward(c, *task, code));
    EXPECT_LT(got["reward"].get<double>(), 1.0);
    if (got["verdict"] != "mismatch") EXPECT_LE(got["reward"].get<double>(), honestWrong);
  }
}

}  // namespace
}  // namespace rtlarena
