// Schedulers on synthetic bandits: each learns to prefer the arm that pays; the
// non-stationary ones follow a change of the best arm; resets forget; the contextual seed
// source learns whether imported seeds pay.
#include <gtest/gtest.h>

#include "rtlarena/fuzz/scheduler.h"
#include "rtlarena/fuzz/seed_source.h"

namespace rtlarena::fuzz {
namespace {

// Pulls `n` times on Bernoulli arms with the given means; returns the pull counts.
std::vector<int> play(Scheduler& s, const std::vector<double>& means, int n, Rng& rng) {
  std::vector<int> count(means.size(), 0);
  for (int t = 0; t < n; ++t) {
    unsigned a = s.select(rng);
    ++count[a];
    s.update(a, rng.chance(means[a]) ? 1.0 : 0.0);
  }
  return count;
}

TEST(Schedulers, RegistryKnowsEveryAlgorithm) {
  for (const auto& n : schedulerNames()) {
    auto s = makeScheduler(n);
    ASSERT_TRUE(s.ok()) << n;
    EXPECT_EQ((*s)->name(), n);
  }
  EXPECT_FALSE(makeScheduler("greedy").ok());
  EXPECT_GE(schedulerNames().size(), 8u);
}

TEST(Schedulers, BanditsPreferThePayingArm) {
  const std::vector<double> means = {0.1, 0.1, 0.8, 0.1, 0.1};
  for (const char* name : {"egreedy", "ucb1", "exp3", "thompson", "swucb", "ducb"}) {
    auto s = makeScheduler(name);
    (*s)->init(5);
    Rng rng(11);
    auto count = play(**s, means, 3000, rng);
    EXPECT_GT(count[2], 3000 * 40 / 100) << name;  // uniform would give 20%
  }
}

TEST(Schedulers, UniformIsTheStaticBaseline) {
  auto s = makeScheduler("uniform");
  (*s)->init(5);
  Rng rng(1);
  auto count = play(**s, {0.1, 0.1, 0.8, 0.1, 0.1}, 5000, rng);
  for (int c : count) EXPECT_NEAR(c, 1000, 150);
  EXPECT_FALSE((*s)->plateauResets());
}

// TheHuzz's schedule is fixed: one FIFO queue (one arm, whatever --arms says), batches of 10
// fresh programs, a batch injected every 2,000 mutants, no reset for lack of reward.
TEST(Schedulers, TheHuzzIsOneQueueWithAFixedSchedule) {
  auto s = makeScheduler("thehuzz");
  ASSERT_TRUE(s.ok());
  (*s)->init(10);
  const QueueLayout q = (*s)->queueLayout();
  EXPECT_EQ(q.arms, 1u);
  EXPECT_EQ(q.seedBatch, 10u);
  EXPECT_EQ(q.injectSeedsEvery, 2000u);
  EXPECT_FALSE((*s)->plateauResets());
  Rng rng(3);
  for (int i = 0; i < 100; ++i) {
    EXPECT_EQ((*s)->select(rng), 0u);
    (*s)->update(0, i % 2 ? 1.0 : 0.0);
  }
  // the bandits keep MABFuzz's layout
  auto u = makeScheduler("ucb1");
  EXPECT_EQ((*u)->queueLayout().arms, 0u);
  EXPECT_EQ((*u)->queueLayout().seedBatch, 0u);
}

TEST(Schedulers, NonStationaryOnesFollowAChangedBestArm) {
  for (const char* name : {"swucb", "ducb"}) {
    auto s = makeScheduler(name);
    (*s)->init(3);
    Rng rng(5);
    play(**s, {0.9, 0.1, 0.1}, 1000, rng);
    auto after = play(**s, {0.1, 0.1, 0.9}, 600, rng);
    EXPECT_GT(after[2], 300) << name;
  }
}

TEST(Schedulers, ResetArmIsTriedAgain) {
  for (const char* name : {"ucb1", "egreedy", "swucb"}) {
    auto s = makeScheduler(name);
    (*s)->init(3);
    Rng rng(2);
    play(**s, {0.0, 0.0, 0.9}, 300, rng);
    (*s)->resetArm(0);
    EXPECT_EQ((*s)->select(rng), 0u) << name;  // untried arms go first
  }
}

TEST(SeedSource, LearnsThatImportedSeedsPay) {
  GeneratorOptions go;
  Layout l;
  Generator g(l, IsaOptions{}, go);
  Rng rng(4);
  std::vector<Program> imported;
  for (int i = 0; i < 20; ++i) imported.push_back(g.generate(rng));
  SeedSource src(g, imported);
  int importedLate = 0;
  for (int t = 0; t < 400; ++t) {
    auto c = src.next(rng);
    src.feedback(c.features, c.imported ? 0.9 : 0.05);
    if (t >= 300) importedLate += c.imported;
  }
  EXPECT_GT(importedLate, 80);
  SeedSource none(g, {});
  EXPECT_FALSE(none.next(rng).imported);
}

}  // namespace
}  // namespace rtlarena::fuzz
