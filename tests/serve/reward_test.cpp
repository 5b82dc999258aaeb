// Reward shaping, the serve config file and UTF-8 checking: arithmetic, no
// tools.
#include <gtest/gtest.h>

#include "rtlarena/serve/reward.h"
#include "rtlarena/serve/reward_api.h"
#include "rtlarena/serve/serve_config.h"

namespace rtlarena {
namespace {

Evaluation verdict(Verdict v, std::int64_t mismatches = -1, std::int64_t samples = -1) {
  Evaluation e;
  e.verdict = v;
  e.mismatches = mismatches;
  e.samples = samples;
  return e;
}

TEST(Reward, APassIsOneWithoutPpa) {
  auto b = shapeReward({}, verdict(Verdict::Pass, 0, 50), std::nullopt);
  EXPECT_DOUBLE_EQ(b.reward, 1.0);
  EXPECT_DOUBLE_EQ(b.function, 1.0);
  EXPECT_DOUBLE_EQ(b.ppa, 0.0);
}

TEST(Reward, LevelsClimbFormatSyntaxFunction) {
  RewardConfig c;
  const double none = shapeReward(c, verdict(Verdict::NoCode), std::nullopt).reward;
  const double policy = shapeReward(c, verdict(Verdict::PolicyViolation), std::nullopt).reward;
  const double compile = shapeReward(c, verdict(Verdict::CompileError), std::nullopt).reward;
  const double timeout = shapeReward(c, verdict(Verdict::SimTimeout), std::nullopt).reward;
  const double allWrong = shapeReward(c, verdict(Verdict::Mismatch, 50, 50), std::nullopt).reward;
  const double halfWrong = shapeReward(c, verdict(Verdict::Mismatch, 25, 50), std::nullopt).reward;
  const double oneWrong = shapeReward(c, verdict(Verdict::Mismatch, 1, 50), std::nullopt).reward;
  const double pass = shapeReward(c, verdict(Verdict::Pass, 0, 50), std::nullopt).reward;
  EXPECT_EQ(none, 0.0);
  EXPECT_EQ(policy, 0.0);
  EXPECT_LT(none, compile);
  EXPECT_LT(compile, timeout);
  EXPECT_DOUBLE_EQ(timeout, allWrong);
  EXPECT_LT(allWrong, halfWrong);
  EXPECT_LT(halfWrong, oneWrong);
  // Almost right stays clearly below right.
  EXPECT_LT(oneWrong, 0.75 * pass);
}

TEST(Reward, MismatchWithoutCountsGetsNoFunctionCredit) {
  auto b = shapeReward({}, verdict(Verdict::Mismatch, -1, -1), std::nullopt);
  EXPECT_EQ(b.function, 0.0);
  auto odd = shapeReward({}, verdict(Verdict::Mismatch, 80, 50), std::nullopt);
  EXPECT_EQ(odd.function, 0.0);
}

TEST(Reward, PpaCountsOnlyForAPassAndOnlyWhenEnabled) {
  RewardConfig c;
  EXPECT_DOUBLE_EQ(shapeReward(c, verdict(Verdict::Pass), 0.5).reward,
                   1.0);  // disabled: ignored
  c.ppaEnabled = true;
  auto better = shapeReward(c, verdict(Verdict::Pass), 0.5);
  auto same = shapeReward(c, verdict(Verdict::Pass), 1.0);
  auto unmeasured = shapeReward(c, verdict(Verdict::Pass), std::nullopt);
  EXPECT_DOUBLE_EQ(better.reward, 1.0);
  EXPECT_NEAR(same.reward, 0.95, 1e-12);
  EXPECT_NEAR(unmeasured.reward, 0.9, 1e-12);
  EXPECT_EQ(shapeReward(c, verdict(Verdict::Mismatch, 0, 50), 0.1).ppa, 0.0);
  EXPECT_EQ(ppaComponent(2.0), 0.0);
}

TEST(ServeConfig, DefaultsAndOverrides) {
  auto c = parseServeConfig("[reward]\nfunction = 0.8\npartial_credit = 0.25\n[server]\nqueue = 8\n", "r.toml");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->reward.functionWeight, 0.8);
  EXPECT_EQ(c->reward.partialCredit, 0.25);
  EXPECT_EQ(c->reward.formatWeight, 0.1);
  EXPECT_EQ(c->server.queueCapacity, 8u);
  EXPECT_EQ(c->server.deadlineSeconds, 120);
}

TEST(ServeConfig, UnknownKeysAndBadValuesAreNamed) {
  auto a = parseServeConfig("[reward]\nfunctoin = 1\n", "r.toml");
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.error().message.find("reward.functoin"), std::string::npos) << a.error().message;
  auto b = parseServeConfig("[server]\nqueue = -1\n", "r.toml");
  ASSERT_FALSE(b.ok());
  EXPECT_NE(b.error().message.find("server.queue"), std::string::npos);
  auto d = parseServeConfig("[reward]\npartial_credit = 2\n", "r.toml");
  ASSERT_FALSE(d.ok());
  auto e = parseServeConfig("[rewards]\n", "r.toml");
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.error().message.find("rewards"), std::string::npos);
  auto f = parseServeConfig("[reward]\nformat=0\nsyntax=0\nfunction=0\n", "r.toml");
  ASSERT_FALSE(f.ok());
}

TEST(Utf8, FindsTheFirstBadByte) {
  EXPECT_EQ(firstInvalidUtf8("plain ascii"), std::string::npos);
  EXPECT_EQ(firstInvalidUtf8("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"), std::string::npos);
  EXPECT_EQ(firstInvalidUtf8("ab\xff"), 2u);
  EXPECT_EQ(firstInvalidUtf8("a\xc3"), 1u);          // cut short
  EXPECT_EQ(firstInvalidUtf8("\xc0\xaf"), 0u);       // overlong
  EXPECT_EQ(firstInvalidUtf8("x\xed\xa0\x80"), 1u);  // a surrogate
}

}  // namespace
}  // namespace rtlarena
