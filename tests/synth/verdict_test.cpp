// Designs that are not hardware, designs Yosys rejects, and tools that fail, hang or are missing:
// each is a PPA verdict (or, for a missing tool, a harness Error), never a number.
#include <gtest/gtest.h>

#include "synth_test_util.h"

using namespace rtlarena;
using namespace rtlarena::synth;

TEST(SynthVerdict, LatchIsUnsynthesizable) {
  PpaReport r = synthtest::run(synthtest::input("latch.v", "latch_design"));
  EXPECT_EQ(r.status, PpaStatus::Unsynthesizable);
  EXPECT_EQ(r.cls, "latch");
  EXPECT_NE(r.message.find("q"), std::string::npos) << r.message;
  EXPECT_EQ(r.areaUm2, 0);
}

TEST(SynthVerdict, CombinationalLoopIsUnsynthesizable) {
  PpaReport r = synthtest::run(synthtest::input("comb_loop.v", "comb_loop"));
  EXPECT_EQ(r.status, PpaStatus::Unsynthesizable);
  EXPECT_EQ(r.cls, "comb_loop");
}

TEST(SynthVerdict, InitialBlockWithDelayIsUnsynthesizable) {
  PpaReport r = synthtest::run(synthtest::input("initial_delay.v", "initial_delay"));
  EXPECT_EQ(r.status, PpaStatus::Unsynthesizable);
  EXPECT_EQ(r.cls, "initial_timing");
  EXPECT_NE(r.message.find("line 5"), std::string::npos) << r.message;
}

TEST(SynthVerdict, DisplayInLogicIsUnsynthesizable) {
  PpaReport r = synthtest::run(synthtest::input("display_in_logic.v", "display_in_logic"));
  EXPECT_EQ(r.status, PpaStatus::Unsynthesizable);
  EXPECT_EQ(r.cls, "system_task");
  EXPECT_NE(r.message.find("$display"), std::string::npos);
}

TEST(SynthVerdict, SyntaxErrorIsASynthesisError) {
  PpaReport r = synthtest::run(synthtest::input("syntax_error.v", "syntax_error"));
  EXPECT_EQ(r.status, PpaStatus::SynthError);
  EXPECT_EQ(r.cls, "syntax_error");
  EXPECT_FALSE(r.logTail.empty());
  EXPECT_EQ(r.logTail.find("/tmp/"), std::string::npos) << "job paths are scrubbed: " << r.logTail;
}

TEST(SynthVerdict, MissingTopModuleIsASynthesisError) {
  PpaReport r = synthtest::run(synthtest::input("xor_bank.v", "NoSuchModule"));
  EXPECT_EQ(r.status, PpaStatus::SynthError);
  EXPECT_EQ(r.cls, "no_top");
}

TEST(SynthVerdict, FailingToolIsAVerdict) {
  FlowOptions o = synthtest::options();
  o.yosysProgram = "false";  // exits 1 and prints nothing
  PpaReport r = synthtest::run(synthtest::input("xor_bank.v", "xor_bank"), o);
  EXPECT_EQ(r.status, PpaStatus::ToolCrash);
  EXPECT_EQ(r.cls, "yosys_failed");
}

TEST(SynthVerdict, HugeDesignTimesOut) {
  FlowOptions o = synthtest::options();
  o.synthDeadline = std::chrono::milliseconds(1000);
  const auto start = std::chrono::steady_clock::now();
  PpaReport r = synthtest::run(synthtest::input("huge_mult.v", "huge_mult"), o);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(r.status, PpaStatus::Timeout);
  EXPECT_EQ(r.cls, "yosys_timeout");
  EXPECT_LT(seconds, 10.0);
}

TEST(SynthVerdict, TimeoutIsNotCached) {
  auto dir = TempDir::create("ppa-cache");
  ASSERT_TRUE(dir.ok());
  FlowOptions o = synthtest::options();
  o.cacheDir = dir->path().string();
  o.synthDeadline = std::chrono::milliseconds(300);
  DesignInput d = synthtest::input("huge_mult.v", "huge_mult");
  EXPECT_EQ(synthtest::run(d, o).status, PpaStatus::Timeout);
  PpaReport again = synthtest::run(d, o);
  EXPECT_EQ(again.status, PpaStatus::Timeout);
  EXPECT_FALSE(again.cached);
}

TEST(SynthVerdict, MissingToolIsAHarnessError) {
  FlowOptions o = synthtest::options();
  o.staProgram = "rtlarena-no-such-sta";
  auto r = PpaFlow(o).run(synthtest::input("xor_bank.v", "xor_bank"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::ToolMissing);
}

TEST(SynthVerdict, MissingLibertyIsAHarnessError) {
  FlowOptions o = synthtest::options();
  o.settings.liberty = "/usr/share/rtlarena-no-such.lib";
  auto r = PpaFlow(o).run(synthtest::input("xor_bank.v", "xor_bank"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::ToolMissing);
}
