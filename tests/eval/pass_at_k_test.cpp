// Unbiased pass@k against values computed by hand from 1 - C(n-c,k)/C(n,k).
#include <gtest/gtest.h>

#include "rtlarena/score/pass_at_k.h"

namespace rtlarena {
namespace {

TEST(PassAtK, KnownValues) {
  EXPECT_DOUBLE_EQ(passAtK(1, 1, 1), 1.0);
  EXPECT_DOUBLE_EQ(passAtK(1, 0, 1), 0.0);
  EXPECT_NEAR(passAtK(10, 3, 1), 0.3, 1e-12);
  // 1 - C(7,5)/C(10,5) = 1 - 21/252
  EXPECT_NEAR(passAtK(10, 3, 5), 1.0 - 21.0 / 252.0, 1e-12);
  // n - c < k: always passes
  EXPECT_DOUBLE_EQ(passAtK(10, 8, 5), 1.0);
  // 1 - C(15,10)/C(20,10) = 1 - 3003/184756
  EXPECT_NEAR(passAtK(20, 5, 10), 1.0 - 3003.0 / 184756.0, 1e-12);
}

TEST(PassAtK, LargeNIsStable) {
  double p = passAtK(1000, 1, 1);
  EXPECT_NEAR(p, 0.001, 1e-12);
  EXPECT_NEAR(passAtK(1000, 500, 10), 1.0 - 0.0009, 1e-3);
}

TEST(PassAtK, SummaryOnlyReportsDefinedK) {
  std::vector<TaskTally> t = {{"a", {"x"}, "easy", 5, 5}, {"b", {"x", "y"}, "hard", 5, 0}};
  auto s = summarize(t);
  ASSERT_TRUE(s.overall.count(1));
  ASSERT_TRUE(s.overall.count(5));
  EXPECT_FALSE(s.overall.count(10));
  EXPECT_DOUBLE_EQ(s.overall.at(1), 0.5);
  EXPECT_DOUBLE_EQ(s.byTag.at("y").at(1), 0.0);
  EXPECT_DOUBLE_EQ(s.byDifficulty.at("easy").at(5), 1.0);
}

TEST(Bootstrap, IntervalIsDeterministicAndHoldsTheMean) {
  std::vector<TaskTally> t;
  for (int i = 0; i < 40; ++i) t.push_back({"t" + std::to_string(i), {}, "", 10, i % 4 == 0 ? 10 : i % 3});
  auto s = summarize(t);
  Interval a = s.overallCi.at(1), b = bootstrapPassAtK(t, 1);
  EXPECT_DOUBLE_EQ(a.low, b.low);
  EXPECT_DOUBLE_EQ(a.high, b.high);
  EXPECT_LT(a.low, s.overall.at(1));
  EXPECT_GT(a.high, s.overall.at(1));
  EXPECT_GT(a.high - a.low, 0.05);  // 40 tasks of very different rates: a wide interval
  Interval other = bootstrapPassAtK(t, 1, 1000, kBootstrapSeed + 1);
  EXPECT_NE(other.low + other.high, a.low + a.high);  // the seed is what fixes it
}

TEST(Bootstrap, AllTasksEqualGiveAPointInterval) {
  std::vector<TaskTally> t = {{"a", {}, "", 5, 5}, {"b", {}, "", 5, 5}, {"c", {}, "", 5, 5}};
  Interval i = bootstrapPassAtK(t, 5);
  EXPECT_DOUBLE_EQ(i.low, 1.0);
  EXPECT_DOUBLE_EQ(i.high, 1.0);
  EXPECT_DOUBLE_EQ(bootstrapPassAtK({}, 1).high, 0.0);
}

}  // namespace
}  // namespace rtlarena
