// Shard ownership: a stable partition of (task, sample) pairs, the --shard syntax, the share of
// endpoint limits a shard takes.
#include <gtest/gtest.h>

#include <map>

#include "rtlarena/run/shard.h"

namespace rtlarena {
namespace {

TEST(Shard, ParsesOneBasedIndexOverCount) {
  auto s = parseShard("2/4");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->index, 2);
  EXPECT_EQ(s->count, 4);
  EXPECT_EQ(shardName(*s), "2/4");
}

TEST(Shard, RejectsIndexOutsideOneToCount) {
  for (const char* bad : {"0/4", "5/4", "1/0", "2", "a/4", "1/4x", "/4", "-1/4"}) {
    auto s = parseShard(bad);
    ASSERT_FALSE(s.ok()) << bad;
    EXPECT_EQ(s.error().code, ErrorCode::BadArgument);
    EXPECT_NE(s.error().message.find(bad), std::string::npos) << s.error().message;
  }
}

TEST(Shard, EveryPairHasOneOwnerAndTheSplitIsEvenEnough) {
  std::map<int, int> perShard;
  for (int t = 0; t < 60; ++t)
    for (int s = 0; s < 5; ++s) {
      const int owner = shardOf("task" + std::to_string(t), s, 4);
      ASSERT_GE(owner, 1);
      ASSERT_LE(owner, 4);
      int owners = 0;
      for (int i = 1; i <= 4; ++i) owners += owns({i, 4}, "task" + std::to_string(t), s) ? 1 : 0;
      EXPECT_EQ(owners, 1);
      perShard[owner] += 1;
    }
  for (int i = 1; i <= 4; ++i) EXPECT_GT(perShard[i], 50) << "shard " << i;  // 300 pairs, 75 expected each
}

TEST(Shard, OwnerIsAFixedFunctionOfTaskAndSample) {
  // Pinned: machines of one run must agree, and a changed hash would split old shards anew.
  EXPECT_EQ(shardOf("popcount8", 0, 4), shardOf(std::string("popcount") + "8", 0, 4));
  EXPECT_EQ(shardOf("popcount8", 0, 1), 1);
  EXPECT_EQ(shardOf("popcount8", 0, 7), 1);
  EXPECT_EQ(shardOf("uart_tx", 3, 7), 2);
}

TEST(Shard, RecordRoundTripsAndRejectsNonsense) {
  auto s = shardFromJson(shardJson({3, 5}));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(*s, (Shard{3, 5}));
  EXPECT_FALSE(shardFromJson("{\"index\": 6, \"count\": 5}").ok());
  EXPECT_FALSE(shardFromJson("not json").ok());
}

TEST(Shard, ShareLimitsDividesRatesAndRequestsInFlight) {
  ProviderOptions p;
  p.requestsPerMinute = 60;
  p.tokensPerMinute = 100000;
  p.concurrency = 8;
  shareLimits(p, 4);
  EXPECT_DOUBLE_EQ(p.requestsPerMinute, 15);
  EXPECT_DOUBLE_EQ(p.tokensPerMinute, 25000);
  EXPECT_EQ(p.concurrency, 2);
  shareLimits(p, 4);
  EXPECT_EQ(p.concurrency, 1);  // never below one request in flight
  ProviderOptions unlimited;
  shareLimits(unlimited, 3);
  EXPECT_DOUBLE_EQ(unlimited.requestsPerMinute, 0);  // "no limit" stays no limit
}

}  // namespace
}  // namespace rtlarena
