// Sharding a run: which machine owns which (task, sample). The partition is a stable hash of
// the pair, so it depends neither on the order of tasks nor on which tasks a suite holds, and
// every machine computes it alone. A task's controls (golden, empty module; stored as sample 0)
// belong to the shard that owns its sample 0, so they are judged once across all shards.
#pragma once

#include <string>

#include "rtlarena/core/result.h"
#include "rtlarena/llm/provider.h"

namespace rtlarena {

/// Shard `index` of `count`, 1-based as on the command line (`--shard 2/4`).
struct Shard {
  int index = 1;
  int count = 1;
  bool operator==(const Shard&) const = default;
};

/// Parses "I/N" with 1 <= I <= N; BadArgument naming the text otherwise.
Result<Shard> parseShard(const std::string& text);
/// "I/N".
std::string shardName(const Shard& shard);

/// The 1-based shard of `count` that owns sample `sample` of task `taskId`.
int shardOf(const std::string& taskId, int sample, int count);
inline bool owns(const Shard& shard, const std::string& taskId, int sample) {
  return shardOf(taskId, sample, shard.count) == shard.index;
}

/// The store extra (kind, key) under which a shard's store records which shard it is.
inline constexpr const char* kShardExtraKind = "shard";
inline constexpr const char* kShardExtraKey = "shard";
std::string shardJson(const Shard& shard);
Result<Shard> shardFromJson(const std::string& json);

/// A shard's part of the endpoint limits given for the whole run: requests and tokens per
/// minute divided by the shard count, requests in flight too (at least one each).
void shareLimits(ProviderOptions& provider, int shardCount);

}  // namespace rtlarena
