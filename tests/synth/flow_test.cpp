// The real flow on designs with known relations between them.
#include <gtest/gtest.h>

#include <regex>

#include "rtlarena/core/files.h"
#include "rtlarena/core/process.h"
#include "synth_test_util.h"

using namespace rtlarena;
using namespace rtlarena::synth;

TEST(SynthFlow, RippleAdderIsSmallerAndSlowerThanCarryLookahead) {
  PpaReport ripple = synthtest::run(synthtest::input("ripple_adder32.v", "ripple_adder32"));
  PpaReport cla = synthtest::run(synthtest::input("cla_adder32.v", "cla_adder32"));
  ASSERT_TRUE(ripple.ok()) << ripple.message << ripple.logTail;
  ASSERT_TRUE(cla.ok()) << cla.message << cla.logTail;
  EXPECT_LT(ripple.areaUm2, cla.areaUm2);
  EXPECT_GT(ripple.delayNs, cla.delayNs);
  EXPECT_LT(ripple.fmaxMhz, cla.fmaxMhz);
  // Combinational: timed input to output on a virtual clock.
  EXPECT_EQ(ripple.clockPort, "");
  EXPECT_EQ(ripple.flops, 0);
  EXPECT_NEAR(ripple.delayNs + ripple.slackNs, ripple.clockPeriodNs, 1e-6);
}

TEST(SynthFlow, PipelinedMultiplierHasShorterCriticalPathThanCombinational) {
  PpaReport comb = synthtest::run(synthtest::input("mult8_comb.v", "mult8_comb"));
  PpaReport pipe = synthtest::run(synthtest::input("mult8_pipe.v", "mult8_pipe"));
  ASSERT_TRUE(comb.ok()) << comb.message << comb.logTail;
  ASSERT_TRUE(pipe.ok()) << pipe.message << pipe.logTail;
  EXPECT_EQ(comb.clockPort, "clk");
  EXPECT_EQ(comb.flops, 32);
  EXPECT_GT(pipe.flops, comb.flops);
  EXPECT_LT(pipe.delayNs, comb.delayNs);
  EXPECT_GT(pipe.fmaxMhz, comb.fmaxMhz);
}

TEST(SynthFlow, MoreDefaultActivityMeansMorePower) {
  FlowOptions quiet = synthtest::options(), busy = synthtest::options();
  quiet.settings.inputActivity = 0.05;
  busy.settings.inputActivity = 0.5;
  PpaReport q = synthtest::run(synthtest::input("cla_adder32.v", "cla_adder32"), quiet);
  PpaReport b = synthtest::run(synthtest::input("cla_adder32.v", "cla_adder32"), busy);
  ASSERT_TRUE(q.ok() && b.ok());
  EXPECT_GT(b.powerUw, 2 * q.powerUw);
  EXPECT_DOUBLE_EQ(q.areaUm2, b.areaUm2);
}

TEST(SynthFlow, ShorterClockPeriodMeansMorePowerAndLessSlack) {
  FlowOptions slow = synthtest::options(), fast = synthtest::options();
  slow.settings.clockPeriodNs = 20;
  fast.settings.clockPeriodNs = 5;
  PpaReport s = synthtest::run(synthtest::input("counter8.v", "counter8"), slow);
  PpaReport f = synthtest::run(synthtest::input("counter8.v", "counter8"), fast);
  ASSERT_TRUE(s.ok() && f.ok());
  EXPECT_EQ(s.clockPort, "clk");
  EXPECT_EQ(s.flops, 8);
  EXPECT_GT(f.powerUw, s.powerUw);
  EXPECT_NEAR(s.slackNs - f.slackNs, 15.0, 1e-6);
  EXPECT_NEAR(s.delayNs, f.delayNs, 1e-6);
}

// Acceptance: a design that is not in the repository gives the same area as Yosys run by hand
// with the same liberty and the documented script.
TEST(SynthFlow, AreaMatchesYosysRunByHand) {
  const std::string code =
      "module by_hand(input clk, input rst, input [5:0] x, input [5:0] y, output reg [6:0] acc, output eq);\n"
      "  assign eq = x == y;\n"
      "  always @(posedge clk) if (rst) acc <= 0; else acc <= acc + (x > y ? x - y : y - x);\n"
      "endmodule\n";
  DesignInput d;
  d.sources = {{"by_hand.v", code}};
  d.top = "by_hand";
  PpaReport r = synthtest::run(d);
  ASSERT_TRUE(r.ok()) << r.message << r.logTail;

  auto dir = TempDir::create("by-hand");
  ASSERT_TRUE(dir.ok());
  ASSERT_TRUE(writeFile(dir->path() / "by_hand.v", code).ok());
  const std::string lib = kDefaultLiberty;
  ProcessSpec spec;
  spec.argv = {"yosys", "-p",
               "read_verilog -sv by_hand.v; synth -flatten -top by_hand; dfflibmap -liberty " + lib +
                   "; abc -liberty " + lib + "; opt_clean; stat -liberty " + lib};
  spec.workDir = dir->path().string();
  spec.env = defaultToolEnv(spec.workDir);
  spec.deadline = std::chrono::milliseconds(60000);
  spec.outputCap = 4u << 20;
  auto p = runProcess(spec);
  ASSERT_TRUE(p.ok()) << p.error().describe();
  ASSERT_TRUE(p->exitedOk()) << p->combined();
  std::smatch m;
  ASSERT_TRUE(std::regex_search(p->out, m, std::regex(R"(Chip area for module '\\by_hand': ([0-9.]+))")));
  EXPECT_DOUBLE_EQ(r.areaUm2, std::stod(m[1].str()));
}

TEST(SynthFlow, CacheReturnsTheSameReportAndMissesOnOtherSettings) {
  auto dir = TempDir::create("ppa-cache");
  ASSERT_TRUE(dir.ok());
  FlowOptions o = synthtest::options();
  o.cacheDir = dir->path().string();
  DesignInput d = synthtest::input("counter8.v", "counter8");
  PpaReport first = synthtest::run(d, o);
  PpaReport second = synthtest::run(d, o);
  ASSERT_TRUE(first.ok());
  EXPECT_FALSE(first.cached);
  EXPECT_TRUE(second.cached);
  EXPECT_DOUBLE_EQ(first.areaUm2, second.areaUm2);
  EXPECT_DOUBLE_EQ(first.powerUw, second.powerUw);
  EXPECT_EQ(first.criticalPath, second.criticalPath);
  o.settings.clockPeriodNs = 7;
  EXPECT_FALSE(synthtest::run(d, o).cached);
  d.sources[0].text += "\n// a comment changes the key\n";
  EXPECT_FALSE(synthtest::run(d, o).cached);
}

TEST(SynthFlow, WorksWithoutTheSandbox) {
  FlowOptions o = synthtest::options();
  o.sandbox.mode = SandboxMode::None;
  PpaReport r = synthtest::run(synthtest::input("xor_bank.v", "xor_bank"), o);
  ASSERT_TRUE(r.ok()) << r.message << r.logTail;
  EXPECT_EQ(r.cellTypes.at("XOR2X1"), 16);
}
