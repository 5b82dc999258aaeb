// Source checks for constructs Yosys would drop silently.
#include <gtest/gtest.h>

#include "rtlarena/synth/lint.h"

using rtlarena::synth::findUnsynthesizable;

TEST(SynthLint, FlagsDelayInsideInitialBlock) {
  auto f = findUnsynthesizable("module m(output reg q);\n initial begin\n  q = 0;\n  #10 q = 1;\n end\nendmodule\n");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].cls, "initial_timing");
  EXPECT_EQ(f[0].line, 4);
}

TEST(SynthLint, FlagsEventControlAndWaitInInitial) {
  EXPECT_EQ(findUnsynthesizable("module m(input c, output reg q); initial @(posedge c) q = 1; endmodule").size(), 1u);
  EXPECT_EQ(findUnsynthesizable("module m(input c, output reg q); initial begin wait (c); q = 1; end endmodule").size(), 1u);
}

TEST(SynthLint, AcceptsInitialValuesWithoutTiming) {
  EXPECT_TRUE(findUnsynthesizable("module m(output reg q); initial q = 0; initial begin q = 1; end endmodule").empty());
}

TEST(SynthLint, DelayAfterInitialBlockIsNotCounted) {
  // The `#1` belongs to a continuous assignment outside the initial block.
  EXPECT_TRUE(findUnsynthesizable("module m(input a, output y, output reg q);\n initial q = 0;\n assign #1 y = a;\nendmodule").empty());
}

TEST(SynthLint, FlagsFreeRunningAlwaysWithDelay) {
  auto f = findUnsynthesizable("module m(output reg clk); always #5 clk = ~clk; endmodule");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].cls, "always_timing");
}

TEST(SynthLint, FlagsSystemTasksButNotPureFunctions) {
  auto f = findUnsynthesizable(
      "module m #(parameter W = 8)(input clk, input [W-1:0] d, output reg [$clog2(W):0] q);\n"
      "  always @(posedge clk) begin q <= $signed(d); $display(\"%d\", d); end\nendmodule\n");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].cls, "system_task");
  EXPECT_EQ(f[0].construct, "$display");
  EXPECT_EQ(f[0].line, 2);
}

TEST(SynthLint, IgnoresCommentsAndStrings) {
  EXPECT_TRUE(findUnsynthesizable("module m(output y); // initial #5 $display\n /* always #1 */ assign y = 1; endmodule").empty());
}
