// Power from the design's own simulation: toggle rates measured by a probe next to the testbench.
#include <gtest/gtest.h>

#include "synth_test_util.h"

using namespace rtlarena;
using namespace rtlarena::synth;

namespace {
// Drives xor_bank for 400 steps of one time unit: random vectors (every bit toggles half the
// time), or a counter on `a` with `b` held (about two bits toggle per step).
std::string xorBench(bool random) {
  return std::string("module tb;\n") +
         "  reg [15:0] a = 0, b = 0;\n"
         "  wire [15:0] y;\n"
         "  integer i, seed = 7;\n"
         "  xor_bank dut(.a(a), .b(b), .y(y));\n"
         "  initial begin\n"
         "    for (i = 0; i < 400; i = i + 1) begin\n" +
         (random ? "      a = $random(seed); b = $random(seed);\n" : "      a = i;\n") +
         "      #1;\n"
         "    end\n"
         "    $finish;\n"
         "  end\n"
         "endmodule\n";
}

DesignInput withBench(const std::string& tb) {
  DesignInput d = synthtest::input("xor_bank.v", "xor_bank");
  ActivityProbe p;
  p.sources = {d.sources[0], {"tb.v", tb}};
  p.tbTop = "tb";
  p.dutPath = "tb.dut";
  d.activity = p;
  return d;
}
}  // namespace

TEST(SynthActivity, BusierStimulusMeansMorePower) {
  PpaReport busy = synthtest::run(withBench(xorBench(true)));
  PpaReport calm = synthtest::run(withBench(xorBench(false)));
  ASSERT_TRUE(busy.ok()) << busy.message << busy.logTail;
  ASSERT_TRUE(calm.ok()) << calm.message << calm.logTail;
  EXPECT_EQ(busy.activitySource, "simulation") << busy.activityNote;
  EXPECT_EQ(calm.activitySource, "simulation") << calm.activityNote;
  EXPECT_GT(busy.powerUw, 3 * calm.powerUw);
  EXPECT_DOUBLE_EQ(busy.areaUm2, calm.areaUm2);
}

TEST(SynthActivity, ClockedDesignRatesArePerCycle) {
  const std::string tb =
      "module tb;\n"
      "  reg clk = 0, reset = 1, en = 0, load = 0;\n"
      "  reg [7:0] d = 0;\n"
      "  wire [7:0] q;\n"
      "  counter8 dut(.clk(clk), .reset(reset), .en(en), .d(d), .load(load), .q(q));\n"
      "  always #5 clk = ~clk;\n"
      "  initial begin\n"
      "    #12 reset = 0;\n"
      "    repeat (50) begin @(negedge clk) en = ~en; end\n"
      "    $finish;\n"
      "  end\n"
      "endmodule\n";
  DesignInput d = synthtest::input("counter8.v", "counter8");
  ActivityProbe p;
  p.sources = {d.sources[0], {"tb.v", tb}};
  p.dutPath = "tb.dut";
  d.activity = p;
  PpaReport r = synthtest::run(d);
  ASSERT_TRUE(r.ok()) << r.message << r.logTail;
  EXPECT_EQ(r.activitySource, "simulation") << r.activityNote;
  EXPECT_GT(r.simSeconds, 0);
}

TEST(SynthActivity, NoDesignInstanceFallsBackToTheDefault) {
  DesignInput d = withBench(xorBench(true));
  d.activity->dutPath = "";
  PpaReport r = synthtest::run(d);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.activitySource, "default");
  EXPECT_FALSE(r.activityNote.empty());
}

TEST(SynthActivity, BrokenTestbenchFallsBackToTheDefault) {
  DesignInput d = withBench("module tb; this is not verilog endmodule\n");
  PpaReport r = synthtest::run(d);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.activitySource, "default");
  EXPECT_NE(r.activityNote.find("compile"), std::string::npos) << r.activityNote;
}
