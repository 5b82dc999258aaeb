// The differential judge without tools: reading port widths, the plan (clock, every reset, the
// reset combinations), the generated bench's determinism, the [function] config table and the
// shaping of the function component under each judge.
#include <gtest/gtest.h>

#include <set>

#include "rtlarena/eval/differential.h"
#include "rtlarena/serve/reward.h"
#include "rtlarena/serve/serve_config.h"

namespace rtlarena {
namespace {

TEST(DifferentialPorts, ReadsAnsiNonAnsiAndParameterWidths) {
  auto ansi = modulePorts(
      "module M #(parameter W = 8, parameter D = W * 2)(input clk, input wire [W-1:0] a, b,\n"
      "  input [3:0][1:0] packed2, output reg [D-1:0] y, output logic [$clog2(W):0] n, output z);\nendmodule\n",
      "M");
  ASSERT_TRUE(ansi.ok()) << ansi.error().message;
  std::vector<std::tuple<std::string, bool, int>> got;
  for (const auto& p : *ansi) got.emplace_back(p.name, p.input, p.width);
  EXPECT_EQ(got, (std::vector<std::tuple<std::string, bool, int>>{{"clk", true, 1},
                                                                   {"a", true, 8},
                                                                   {"b", true, 8},
                                                                   {"packed2", true, 8},
                                                                   {"y", false, 16},
                                                                   {"n", false, 4},
                                                                   {"z", false, 1}}));
  auto old = modulePorts("module N(a, q);\n  parameter W = 4;\n  input [W:1] a;\n  output [7:0] q;\n  reg [7:0] q;\nendmodule\n",
                         "N");
  ASSERT_TRUE(old.ok()) << old.error().message;
  ASSERT_EQ(old->size(), 2u);
  EXPECT_EQ((*old)[0].width, 4);
  EXPECT_EQ((*old)[1].width, 8);
  EXPECT_FALSE((*old)[1].input);
}

TEST(DifferentialPorts, RefusesWhatItCannotSizeNamingThePort) {
  auto expect = [](const std::string& src, const std::string& words) {
    auto r = modulePorts(src, "M");
    ASSERT_FALSE(r.ok()) << src;
    EXPECT_NE(r.error().message.find(words), std::string::npos) << r.error().message;
  };
  expect("module M(inout [7:0] bus, input a);\nendmodule\n", "port 'bus': an inout");
  expect("module M(input [7:0] mem [0:3], output y);\nendmodule\n", "port 'mem': an unpacked array");
  expect("module M(input [WIDTH-1:0] a, output y);\nendmodule\n", "port 'a': a width");
  expect("module M(input my_pkg_t a, output y);\nendmodule\n", "port 'my_pkg_t'");
  expect("module Other(input a);\nendmodule\n", "no module 'M'");
}

Task counterTask(const std::string& id) {
  Task t;
  t.id = id;
  t.reference =
      "module RefModule(input clk, input rst, input rst_n, input [99:0] wide, output reg [3:0] q);\n"
      "  always @(posedge clk) q <= 0;\nendmodule\n";
  return t;
}

TEST(DifferentialPlan, FindsTheClockEveryResetAndCoversEveryResetCombination) {
  auto plan = planDifferential(counterTask("c"), DifferentialSettings{9, 10});
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  EXPECT_EQ(plan->clock, "clk");
  ASSERT_EQ(plan->resets.size(), 2u);
  EXPECT_EQ(plan->resets[0].name, "rst");
  EXPECT_FALSE(plan->resets[0].activeLow);
  EXPECT_EQ(plan->resets[1].name, "rst_n");
  EXPECT_TRUE(plan->resets[1].activeLow);
  std::set<std::pair<int, int>> combos;
  for (int s = 0; s < 9; ++s) combos.insert({static_cast<int>(plan->pattern(s, 0)), static_cast<int>(plan->pattern(s, 1))});
  EXPECT_EQ(combos.size(), 9u) << "3 patterns for each of 2 resets";
  EXPECT_EQ(plan->pattern(0, 0), ResetPattern::AtStart);
}

TEST(DifferentialPlan, TheBenchIsTheSameForATaskAndDiffersBetweenTasks) {
  const std::string a = differentialBench(*planDifferential(counterTask("c"), {4, 10}));
  const std::string again = differentialBench(*planDifferential(counterTask("c"), {4, 10}));
  const std::string other = differentialBench(*planDifferential(counterTask("d"), {4, 10}));
  EXPECT_EQ(a, again);
  EXPECT_NE(a, other);
  // One pair per sequence, every output compared, the reset held low-active where named so,
  // a 100-bit input drawn in two pieces, the result line the evaluator reads.
  EXPECT_NE(a.find("RefModule ref3 ("), std::string::npos);
  EXPECT_NE(a.find("TopModule dut3 ("), std::string::npos);
  EXPECT_EQ(a.find("dut4"), std::string::npos);
  EXPECT_NE(a.find("r0_q !== (r0_q ^ d0_q ^ r0_q)"), std::string::npos);
  EXPECT_NE(a.find("i0_rst_n = !(cycle < 2);"), std::string::npos);
  EXPECT_NE(a.find("i0_wide[99:64] = draw[63:28];"), std::string::npos);
  EXPECT_NE(a.find("$display(\"Mismatches: %0d in %0d samples\", failed, 4);"), std::string::npos);
}

TEST(DifferentialPlan, AGoldenOnlyTaskIsComparedWithItsGoldenUnderANameOfItsOwn) {
  Task t;
  t.id = "g";
  t.goldenCandidate = "module TopModule(input [3:0] a, output [3:0] y);\n  assign y = ~a;\nendmodule\n";
  auto d = differentialTask(t, {2, 3});
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_NE(d->reference.find("module TopModule__rtlarena_golden"), std::string::npos);
  EXPECT_NE(d->testbench.find("TopModule__rtlarena_golden ref0"), std::string::npos);
  EXPECT_EQ(d->testbench.find("clk"), std::string::npos) << "combinational: no clock";
  Task none;
  none.id = "n";
  EXPECT_FALSE(differentialTask(none, {}).ok());
}

TEST(FunctionConfig, ReadsTheJudgePerSuiteAndRefusesBadValues) {
  auto c = parseServeConfig(
      "[function]\njudge = \"differential\"\nsequences = 8\ncycles = 50\nnot_equivalent = \"testbench\"\n"
      "equiv_timeout_seconds = 5\n[function.suites]\ncore = \"equiv\"\nweak = \"testbench\"\n",
      "r.toml");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->reward.functionJudge, FunctionJudge::Differential);
  EXPECT_EQ(c->reward.differential.sequences, 8);
  EXPECT_EQ(c->reward.differential.cycles, 50);
  EXPECT_TRUE(c->reward.notEquivalentKeepsTestbenchShare);
  EXPECT_DOUBLE_EQ(c->reward.equivTimeoutSeconds, 5);
  EXPECT_EQ(c->reward.judgeFor("core"), FunctionJudge::Equiv);
  EXPECT_EQ(c->reward.judgeFor("weak"), FunctionJudge::Testbench);
  EXPECT_EQ(c->reward.judgeFor("other"), FunctionJudge::Differential);
  auto d = parseServeConfig("", "r.toml");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->reward.judgeFor("core"), FunctionJudge::Testbench);
  for (const auto& [text, words] : std::vector<std::pair<std::string, std::string>>{
           {"[function]\njudge = \"sat\"\n", "'function.judge' must be"},
           {"[function]\nsequences = 0\n", "'function.sequences' must be a whole number from 1"},
           {"[function]\ncycles = 2.5\n", "'function.cycles'"},
           {"[function]\nnot_equivalent = \"half\"\n", "'function.not_equivalent'"},
           {"[function]\nseed = 3\n", "unknown key 'function.seed'"},
           {"[function.suites]\ncore = \"formal\"\n", "'function.suites.core'"}}) {
    auto bad = parseServeConfig(text, "r.toml");
    ASSERT_FALSE(bad.ok()) << text;
    EXPECT_NE(bad.error().message.find(words), std::string::npos) << bad.error().message;
    EXPECT_EQ(bad.error().message.rfind("r.toml: ", 0), 0u);
  }
}

Evaluation verdict(Verdict v, std::string cls = "", std::int64_t mismatches = -1, std::int64_t samples = -1) {
  Evaluation e;
  e.verdict = v;
  e.cls = std::move(cls);
  e.mismatches = mismatches;
  e.samples = samples;
  return e;
}

TEST(JudgedReward, DifferentialCreditIsTheShareOfMatchingSequences) {
  RewardConfig c;
  const Evaluation tbPass = verdict(Verdict::Pass, "", 0, 50);
  const Evaluation diff = verdict(Verdict::Mismatch, "", 8, 32);
  auto b = shapeJudgedReward(c, FunctionJudge::Differential, tbPass, &diff, std::nullopt);
  EXPECT_DOUBLE_EQ(b.function, 0.5 * 24.0 / 32.0);
  EXPECT_DOUBLE_EQ(b.reward, shapeReward(c, diff, std::nullopt).reward);
  EXPECT_LT(b.reward, shapeReward(c, tbPass, std::nullopt).reward) << "the testbench missed it; the reward did not";
  const Evaluation diffPass = verdict(Verdict::Pass, "", 0, 32);
  EXPECT_DOUBLE_EQ(shapeJudgedReward(c, FunctionJudge::Differential, tbPass, &diffPass, std::nullopt).reward, 1.0);
  // Not run (refused, does not compile): the native verdict's reward.
  const Evaluation refused = verdict(Verdict::PolicyViolation, "defparam");
  EXPECT_DOUBLE_EQ(shapeJudgedReward(c, FunctionJudge::Differential, refused, nullptr, std::nullopt).reward, 0.0);
}

TEST(JudgedReward, EquivalenceUnknownIsNeverFullCredit) {
  RewardConfig c;
  const Evaluation tbPass = verdict(Verdict::Pass, "", 0, 50);
  const Evaluation tbHalf = verdict(Verdict::Mismatch, "", 25, 50);
  const Evaluation proved = verdict(Verdict::Pass, "equivalent");
  const Evaluation disproved = verdict(Verdict::Mismatch, "not_equivalent");
  const Evaluation unknown = verdict(Verdict::Mismatch, "unknown");
  EXPECT_DOUBLE_EQ(shapeJudgedReward(c, FunctionJudge::Equiv, tbHalf, &proved, std::nullopt).reward, 1.0);
  EXPECT_DOUBLE_EQ(shapeJudgedReward(c, FunctionJudge::Equiv, tbPass, &disproved, std::nullopt).function, 0.0);
  const auto u = shapeJudgedReward(c, FunctionJudge::Equiv, tbPass, &unknown, std::nullopt);
  EXPECT_DOUBLE_EQ(u.function, 0.5);
  EXPECT_LT(u.reward, 1.0);
  c.notEquivalentKeepsTestbenchShare = true;
  EXPECT_DOUBLE_EQ(shapeJudgedReward(c, FunctionJudge::Equiv, tbHalf, &disproved, std::nullopt).function, 0.25);
  c.partialCredit = 1.0;
  EXPECT_LT(shapeJudgedReward(c, FunctionJudge::Equiv, tbPass, &unknown, std::nullopt).function, 1.0);
}

}  // namespace
}  // namespace rtlarena
