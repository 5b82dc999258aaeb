// The judge's readers and heuristics on canned text: reset names, Yosys select listings, the
// clocking rules, SAT logs (proof, counterexample, bound, timeout) and mutation descriptions.
#include <gtest/gtest.h>

#include "rtlarena/equiv/scripts.h"
#include "rtlarena/mutate/mutants.h"
#include "rtlarena/mutate/mutation_analysis.h"

using namespace rtlarena;
using namespace rtlarena::equiv;

TEST(ResetInput, FindsCommonNamesAndPolarity) {
  bool low = true;
  EXPECT_EQ(resetInput({"clk", "reset", "en"}, &low), "reset");
  EXPECT_FALSE(low);
  EXPECT_EQ(resetInput({"clk", "rst_n", "d"}, &low), "rst_n");
  EXPECT_TRUE(low);
  EXPECT_EQ(resetInput({"CLK", "ARESETN"}, &low), "ARESETN");
  EXPECT_TRUE(low);
  EXPECT_EQ(resetInput({"clk", "rst_i"}, &low), "rst_i");
  EXPECT_FALSE(low);
  EXPECT_EQ(resetInput({"clk", "first", "rest"}, &low), "");
}

TEST(SelectedNames, StripsModuleAndEscape) {
  EXPECT_EQ(selectedNames("rtlarena_gold/clk\nrtlarena_gold/\\q\n\n"), (std::vector<std::string>{"clk", "q"}));
}

TEST(ClockingProblem, AcceptsOneInputClockAndRejectsTheRest) {
  SideFacts ok{{"clk"}, 2, 0, 2, {}, 0};
  std::string clock;
  EXPECT_EQ(clockingProblem(ok, ok, &clock), "");
  EXPECT_EQ(clock, "clk");
  SideFacts constant{{}, 1, 0, 0, {}, 0};
  EXPECT_NE(clockingProblem(ok, constant, nullptr), "");
  SideFacts latch{{}, 0, 0, 0, {"$dlatch$1"}, 0};
  EXPECT_NE(clockingProblem(latch, ok, nullptr), "");
  SideFacts negedge{{"clk"}, 2, 2, 2, {}, 0};
  EXPECT_NE(clockingProblem(ok, negedge, nullptr), "");
  SideFacts mixed{{"clk"}, 2, 1, 2, {}, 0};
  EXPECT_NE(clockingProblem(mixed, mixed, nullptr), "");
  SideFacts comb{};
  EXPECT_EQ(clockingProblem(comb, comb, &clock), "");
  // A plain latch is stepped per cycle in a clocked design, and refused without a clock.
  SideFacts clockedLatch{{"clk"}, 2, 0, 2, {}, 0, 1};
  EXPECT_EQ(clockingProblem(clockedLatch, ok, &clock), "");
  SideFacts bareLatch{{}, 0, 0, 0, {}, 0, 1};
  EXPECT_NE(clockingProblem(bareLatch, bareLatch, nullptr).find("latch"), std::string::npos);
}

TEST(SideFacts, PlainLatchesAreCountedApartFromUnsupportedOnes) {
  SideFacts f = readSideFacts("gold/clk\n", "gold/q\n", "", "gold/q\n", "", "", "gold/next\n");
  EXPECT_EQ(f.latches, 1);
  EXPECT_TRUE(f.unsupported.empty());
  const std::string build = buildScript("RefModule", "TopModule");
  EXPECT_NE(build.find("_dlatches.txt select -list t:$dlatch\n"), std::string::npos);
  EXPECT_EQ(build.find("_latches.txt select -list t:$dlatch "), std::string::npos);
}

TEST(ParseSatLog, ProofOnlyFromTheProofLines) {
  EXPECT_EQ(parseSatLog("** Trying induction with length 3 **\nInduction step proven: SUCCESS!\n", "clk").outcome, SatOutcome::Proved);
  EXPECT_EQ(parseSatLog("SAT proof finished - no model found: SUCCESS!\n", "").outcome, SatOutcome::Proved);
  // A base-case-only success is not a proof.
  EXPECT_EQ(parseSatLog("Reached maximum number of time steps -> proved base case for 20 steps: SUCCESS!\n", "").outcome,
            SatOutcome::BoundReached);
  EXPECT_EQ(parseSatLog("Reached maximum number of time steps -> proof failed.\n", "").outcome, SatOutcome::BoundReached);
  EXPECT_EQ(parseSatLog("Interrupted SAT solver: TIMEOUT!\n", "").outcome, SatOutcome::Timeout);
  EXPECT_EQ(parseSatLog("ERROR: Unsupported cell type $foo\n", "").outcome, SatOutcome::Error);
  EXPECT_EQ(parseSatLog("", "").outcome, SatOutcome::Unrecognised);
}

TEST(ParseSatLog, ReadsTheCounterexampleTable) {
  const std::string log = R"(SAT temporal induction proof finished - model found for base case: FAIL!

  Time Signal Name             Dec       Hex           Bin
  ---- --------------- ----------- --------- -------------
  init \gold.k                  --        --          xxxx
     1 \gate_g                  --        --          xxxx
     1 \gold_g                  --        --          xxxx
     1 \in_clk                   0         0             0
     1 \in_en                    0         0             0
     1 \in_reset                 1         1             1
     1 \trigger                  0         0             0
     2 \gate_g                   2         2          0010
     2 \gold_g                   3         3          0x11
     2 \in_clk                   0         0             0
     2 \in_en                    1         1             1
     2 \in_reset                 0         0             0
     2 \trigger                  1         1             1
)";
  SatReport r = parseSatLog(log, "clk");
  ASSERT_EQ(r.outcome, SatOutcome::Failed);
  ASSERT_TRUE(r.counterexample);
  EXPECT_EQ(r.counterexample->cycle, 1);
  ASSERT_EQ(r.counterexample->inputs.size(), 2u);
  EXPECT_EQ(r.counterexample->inputs[0].at("reset"), "1");
  EXPECT_EQ(r.counterexample->inputs[1].count("clk"), 0u);
  ASSERT_EQ(r.counterexample->outputs.size(), 1u);
  EXPECT_EQ(r.counterexample->outputs[0].output, "g");
  EXPECT_EQ(r.counterexample->outputs[0].reference, "0x11");
  EXPECT_EQ(r.counterexample->outputs[0].candidate, "0010");
}

TEST(ProveScript, ConstrainsResetAndClock) {
  ProveSetup p;
  p.sequential = true;
  p.clock = "clk";
  p.reset = "rst_n";
  p.resetActiveLow = true;
  p.bound = 7;
  const std::string s = proveScript(p);
  EXPECT_NE(s.find("-set-at 1 in_rst_n 0"), std::string::npos);
  EXPECT_NE(s.find("-set in_clk 0"), std::string::npos);
  EXPECT_NE(s.find("-maxsteps 7"), std::string::npos);
  EXPECT_NE(s.find("-set-init-undef"), std::string::npos);
}

TEST(RtlilPorts, ReadsWidthsAndDirections) {
  auto ports = rtlilPorts("module \\m\n  wire width 8 input 5 \\in_a\n  wire output 1 \\trigger\n  wire width 3 \\x\n");
  ASSERT_EQ(ports.size(), 2u);
  EXPECT_EQ(ports[0].name, "in_a");
  EXPECT_EQ(ports[0].width, 8);
  EXPECT_FALSE(ports[1].input);
  const std::string w = resetWrapper(ports, "a", false);
  EXPECT_NE(w.find(".in_a(first ? 1'b1 : in_a)"), std::string::npos);
  EXPECT_NE(w.find("assign bad = trigger & ~first"), std::string::npos);
}

TEST(AbcOutput, OnlyAnExplicitProofCounts) {
  EXPECT_TRUE(abcProvedEquivalent("Networks are equivalent.  Time = 0.01 sec"));
  EXPECT_FALSE(abcProvedEquivalent("Networks are NOT EQUIVALENT."));
  EXPECT_FALSE(abcProvedEquivalent("Networks are UNDECIDED."));
  EXPECT_TRUE(abcPdrProved("Property proved.  Time = 0.1 sec"));
  EXPECT_FALSE(abcPdrProved("Output 0 of miter \"m\" was asserted in frame 3."));
}

TEST(DescribeMutation, NamesCellAndSourceLine) {
  int line = 0;
  const std::string d = mutate::describeMutation(
      "mutate -mode inv -module TopModule -cell $xor$reference.sv:2$4 -port Y -portbit 0 -wire g -wirebit 0 "
      "-src reference.sv:1.5-1.6 -src reference.sv:2.14-2.26",
      "module m;\n  assign g = k ^ (k >> 1);\nendmodule\n", &line);
  EXPECT_EQ(line, 2);
  EXPECT_NE(d.find("inv of $xor"), std::string::npos);
  EXPECT_NE(d.find("assign g = k ^ (k >> 1);"), std::string::npos);
}

TEST(KillScore, SurvivorsIncludeUnknownAndEquivalentAreSetAside) {
  mutate::TaskMutation t;
  EXPECT_LT(t.killScore(), 0);
  t.killed = 9;
  t.survived = 3;  // of which unknown 1
  t.unknown = 1;
  t.equivalent = 5;
  EXPECT_DOUBLE_EQ(t.killScore(), 0.75);
}

TEST(ReadVerilog, AlwaysCombMarkIsDroppedBeforeProcessesAreLowered) {
  // Without the setattr, Yosys stops on an always_comb that infers a latch (an incomplete case).
  const std::string build = buildScript("RefModule", "TopModule");
  const auto unset = build.find("setattr -unset always_comb p:*");
  ASSERT_NE(unset, std::string::npos);
  EXPECT_LT(build.find("read_verilog -sv "), unset);
  EXPECT_LT(unset, build.find("prep -flatten"));
  for (const std::string& script :
       {mutate::listScript("RefModule", "TopModule", 4, 1, false), mutate::applyScript("RefModule", "TopModule", {"mutate -list 1"}, true)}) {
    const auto at = script.find("setattr -unset always_comb p:*");
    ASSERT_NE(at, std::string::npos) << script;
    EXPECT_LT(at, script.find("proc")) << script;
    EXPECT_LT(at, script.find("prep")) << script;
  }
}
