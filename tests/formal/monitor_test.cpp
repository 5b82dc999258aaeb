// The monitor translation without tools: windows, history, the first checked
// cycle, the generated labels, and the limits that turn a property into
// `unsupported` instead of a huge model.
#include <gtest/gtest.h>

#include "rtlarena/formal/monitor.h"
#include "rtlarena/formal/proof_files.h"
#include "rtlarena/formal/prover.h"
#include "rtlarena/formal/sv_lexer.h"

using namespace rtlarena::formal;

namespace {

Translation translate(const std::string &text, int firstChecked = 0,
                      const std::string &clock = "clk") {
  SpecParse p = parsePropertySpec(lexSystemVerilog(text).tokens);
  EXPECT_TRUE(p.spec) << p.issue.message;
  if (!p.spec)
    return {};
  MonitorContext ctx;
  ctx.name = "m";
  ctx.clock = clock;
  ctx.firstCheckedCycle = firstChecked;
  return translateProperty(*p.spec, ctx);
}

} // namespace

TEST(Monitor, WindowHistoryAndFirstCheck) {
  struct Case {
    const char *text;
    int window, history;
  };
  for (const Case &c :
       {Case{"a |-> b", 0, 0}, Case{"a |=> b", 1, 0},
        Case{"a ##1 b |-> ##[1:3] c", 4, 0},
        Case{"$rose(a) |=> $past(b, 2)", 1, 2}, Case{"a[*2:3] |-> b", 2, 0},
        Case{"not (a ##2 b)", 2, 0}}) {
    Translation t = translate(c.text, 1);
    ASSERT_TRUE(t.monitor) << c.text << ": " << t.issue.message;
    EXPECT_EQ(t.monitor->window, c.window) << c.text;
    EXPECT_EQ(t.monitor->history, c.history) << c.text;
    EXPECT_EQ(t.monitor->firstCheck, 1 + c.window + c.history) << c.text;
  }
}

TEST(Monitor, CodeIsOneLineWithAssertAndVacuityProbe) {
  Translation t = translate("@(posedge ck) disable iff (r) a |=> b");
  ASSERT_TRUE(t.monitor);
  const Monitor &m = *t.monitor;
  EXPECT_EQ(m.code.find('\n'), std::string::npos);
  EXPECT_NE(m.code.find("always @(posedge ck)"), std::string::npos);
  EXPECT_NE(m.code.find("m: assert (!"), std::string::npos);
  EXPECT_NE(m.code.find("m_v: assert (!"), std::string::npos);
  EXPECT_NE(m.code.find("$past((|a), 1)"), std::string::npos);
  EXPECT_NE(m.code.find("$past((|r), 1)"),
            std::string::npos); // disable over the whole window
  EXPECT_EQ(m.coverLabel, "m_v");
  Translation plain = translate("a && b");
  ASSERT_TRUE(plain.monitor);
  EXPECT_EQ(plain.monitor->coverLabel, ""); // nothing to be vacuous about
}

TEST(Monitor, NoClockAndHugePropertiesAreUnsupported) {
  EXPECT_EQ(translate("a |-> b", 0, "").issue.kind,
            ParseIssue::Kind::Unsupported);
  Translation big = translate("a ##[0:200] b ##[0:200] c |-> d");
  EXPECT_EQ(big.issue.kind, ParseIssue::Kind::Unsupported);
  EXPECT_FALSE(big.monitor);
}

TEST(AbcLog, StatusLinesGiveAnswersInOrder) {
  AbcOutcome a = parseAbcLog(
      "Output 0 of miter \"x\" was asserted in frame 3.  Time = 0.01 sec\n"
      "The miters is already solved; skipping the command.\n"
      "Status = 0  Frames = 3   CEX: Po = 0\n"
      "No output asserted in 30 frames. Resource limit reached\n"
      "Property proved.  Time = 0.1 sec\nStatus = 1  Frames = 4\n",
      1, 1);
  EXPECT_EQ(a.assertion, SolverAnswer::Failed);
  EXPECT_EQ(a.frame, 3);
  EXPECT_EQ(a.cover, SolverAnswer::Proven);
  AbcOutcome u = parseAbcLog(
      "No output asserted in 30 frames.\nStatus = -1  Frames = 29\n", 1, 0);
  EXPECT_EQ(u.assertion, SolverAnswer::Undecided);
  EXPECT_EQ(u.boundReached, 30);
  EXPECT_EQ(parseAbcLog("", 1, 1).assertion, SolverAnswer::Killed);
  // A checker bound twice: the assertion fails if either instance fails.
  AbcOutcome two = parseAbcLog("Status = 1\nOutput 0 of miter \"x\" was "
                               "asserted in frame 5.\nStatus = 0\n",
                               2, 0);
  EXPECT_EQ(two.assertion, SolverAnswer::Failed);
  EXPECT_EQ(two.frame, 5);
  // `ind` after a failing bounded search overwrites the status with its step
  // proof; the counterexample stands.
  AbcOutcome step = parseAbcLog(
      "Output 0 of miter \"model\" was asserted in frame 4. Time = 0.02 sec\n"
      "Networks are equivalent.  Time = 0.01 sec\n"
      "Status = 1  Frames = 3   CEX: Po = 0  Frame = 4\n",
      1, 0);
  EXPECT_EQ(step.assertion, SolverAnswer::Failed);
  EXPECT_EQ(step.frame, 4);
}

TEST(ProofFiles, OutputsAreMappedToLabelsAndConstantFlagsKept) {
  auto m = aigerOutputsByLabel(
      "top/u_chk.rtlarena_a3_fail\ntop/rtlarena_a4_fail\ntop/"
      "rtlarena_a4_v_fail\n"
      "input 0 0 clk\nlatch 0 0 x\noutput 0 0 u_chk.rtlarena_a3_fail\noutput 1 "
      "0 rtlarena_a4_v_fail\n"
      "output 2 0 u2.rtlarena_a3_fail\n");
  EXPECT_EQ(m["rtlarena_a3"],
            (std::vector<int>{0, 2})); // bound twice: both instances
  EXPECT_TRUE(m.count("rtlarena_a4")); // folded to constant false
  EXPECT_TRUE(m["rtlarena_a4"].empty());
  EXPECT_EQ(m["rtlarena_a4_v"], (std::vector<int>{1}));
  EXPECT_FALSE(m.count("clk"));
}
