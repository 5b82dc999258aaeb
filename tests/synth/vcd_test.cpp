// Toggle counting over VCD text and the conversion to per-cycle activity.
#include <gtest/gtest.h>

#include "rtlarena/synth/activity.h"
#include "rtlarena/synth/vcd.h"

using namespace rtlarena::synth;

namespace {
const char* kVcd = R"($date today $end
$timescale 1s $end
$scope module tb $end
$scope module dut $end
$var wire 1 ! clk $end
$var wire 2 " a [1:0] $end
$var wire 1 # en $end
$upscope $end
$upscope $end
$enddefinitions $end
#0
$dumpvars
0!
bxx "
0#
$end
#5
1!
b01 "
#10
0!
b10 "
1#
#15
1!
#20
0!
b1 "
)";
}  // namespace

TEST(SynthVcd, CountsTogglesHighTimeAndEdges) {
  auto v = parseVcd(kVcd);
  ASSERT_TRUE(v.ok()) << v.error().message;
  EXPECT_DOUBLE_EQ(v->endTime, 20);
  // a[0]: x->1 at 5 (not a toggle), 1->0 at 10, 0->1 at 20.
  EXPECT_EQ(v->bits.at("a[0]").toggles, 2);
  EXPECT_DOUBLE_EQ(v->bits.at("a[0]").highTime, 5);
  // a[1]: x->0 at 5 (short vector "b1" pads with 0), 0->1 at 10, 1->0 at 20.
  EXPECT_EQ(v->bits.at("a[1]").toggles, 2);
  EXPECT_DOUBLE_EQ(v->bits.at("a[1]").highTime, 10);
  EXPECT_EQ(v->risingEdges.at("clk"), 2);
  EXPECT_EQ(v->bits.at("en").toggles, 1);
  EXPECT_EQ(v->changeTimes, 5);
}

TEST(SynthVcd, RejectsTextWithoutDeclarations) { EXPECT_FALSE(parseVcd("#0\n1!\n").ok()); }

TEST(SynthVcd, ActivityIsPerClockCycleForClockedDesigns) {
  auto v = parseVcd(kVcd);
  ASSERT_TRUE(v.ok());
  NetlistInfo n;
  n.ports = {{"clk", true, false, 1}, {"a", true, false, 2}, {"en", true, false, 1}};
  n.clockPorts = {"clk"};
  ActivityResult r = activityFromVcd(*v, n);
  ASSERT_TRUE(r.measured) << r.note;
  EXPECT_EQ(r.cycles, 2);
  ASSERT_EQ(r.bits.size(), 3u);  // a[0], a[1], en; not the clock
  EXPECT_EQ(r.bits[0].bit, "a[0]");
  EXPECT_DOUBLE_EQ(r.bits[0].activity, 1.0);
  EXPECT_DOUBLE_EQ(r.bits[0].duty, 0.25);
  EXPECT_DOUBLE_EQ(r.bits[2].activity, 0.5);
}

TEST(SynthVcd, ActivityIsPerInputStepForCombinationalDesigns) {
  auto v = parseVcd(kVcd);
  ASSERT_TRUE(v.ok());
  NetlistInfo n;
  n.ports = {{"a", true, false, 2}, {"en", true, false, 1}};
  ActivityResult r = activityFromVcd(*v, n);
  ASSERT_TRUE(r.measured) << r.note;
  EXPECT_EQ(r.cycles, 5);
  EXPECT_DOUBLE_EQ(r.bits[0].activity, 2.0 / 5.0);
}

TEST(SynthVcd, MissingInputMeansNoMeasurement) {
  auto v = parseVcd(kVcd);
  ASSERT_TRUE(v.ok());
  NetlistInfo n;
  n.ports = {{"b", true, false, 1}};
  ActivityResult r = activityFromVcd(*v, n);
  EXPECT_FALSE(r.measured);
  EXPECT_NE(r.note.find("b"), std::string::npos);
}
