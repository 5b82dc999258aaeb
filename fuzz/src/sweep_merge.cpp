// Joining the shard folders of one fuzz sweep (see sweep.h). Every check runs before anything
// is written, so shards that do not fit together leave no half-merged folder behind.
#include <map>

#include "rtlarena/fuzz/sweep.h"

namespace rtlarena::fuzz {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

Error unfit(const std::string& message) { return Error{ErrorCode::BadConfig, "merge --fuzz: " + message}; }

std::string shardName(int index, int count) { return std::to_string(index) + "/" + std::to_string(count); }

// The first field in which `b` differs from `a`, as "KEY A vs B"; empty when they agree.
std::string firstDifference(const SweepRecord& a, const SweepRecord& b) {
  const json ja = {{"algos", a.algos}, {"seeds", a.seeds}, {"shard count", a.shardCount}};
  const json jb = {{"algos", b.algos}, {"seeds", b.seeds}, {"shard count", b.shardCount}};
  for (const auto& [key, value] : a.config.items())
    if (!b.config.contains(key) || b.config[key] != value)
      return key + " " + value.dump() + " vs " + (b.config.contains(key) ? b.config[key].dump() : "unset");
  for (const auto& [key, value] : b.config.items())
    if (!a.config.contains(key)) return key + " unset vs " + value.dump();
  for (const auto& [key, value] : ja.items())
    if (jb[key] != value) return key + " " + value.dump() + " vs " + jb[key].dump();
  return "";
}

}  // namespace

Result<std::string> mergeSweeps(const std::vector<fs::path>& shards, const fs::path& out) {
  if (shards.empty()) return unfit("no shard folders given");
  std::vector<SweepRecord> records;
  std::map<int, fs::path> byIndex;
  for (const auto& dir : shards) {
    auto r = readSweepRecord(dir);
    if (!r) return r.error().code == ErrorCode::Parse ? r.error() : unfit(r.error().message);
    if (!records.empty()) {
      if (auto diff = firstDifference(records.front(), *r); !diff.empty())
        return unfit(dir.string() + " is not the same sweep as " + shards.front().string() + " (" + diff + ")");
    }
    if (auto [it, fresh] = byIndex.emplace(r->shardIndex, dir); !fresh)
      return unfit("shard " + shardName(r->shardIndex, r->shardCount) + " given twice: " + it->second.string() + " and " +
                   dir.string());
    records.push_back(std::move(*r));
  }
  const SweepRecord& first = records.front();
  for (int i = 1; i <= first.shardCount; ++i)
    if (!byIndex.count(i))
      return unfit("shard " + shardName(i, first.shardCount) + " is missing: give all " + std::to_string(first.shardCount) +
                   " shard folders");

  // Each planned campaign must be finished in exactly the shard that runs it; nothing else may be there.
  const auto plan = first.campaigns();
  std::map<std::string, int> planned;
  for (std::size_t k = 0; k < plan.size(); ++k) planned[plan[k].name()] = sweepShardOf(k, first.shardCount);
  std::map<std::string, fs::path> holder;
  for (std::size_t i = 0; i < shards.size(); ++i) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(shards[i] / "campaigns", ec)) {
      const std::string name = e.path().filename().string();
      auto it = planned.find(name);
      if (it == planned.end())
        return unfit(shards[i].string() + " holds campaign " + name + ", which is not in the sweep (schedulers " +
                     json(first.algos).dump() + ", seeds " + json(first.seeds).dump() + ")");
      if (!fs::exists(e.path() / "campaign.json")) continue;  // unfinished: reported as missing below
      if (auto [h, fresh] = holder.emplace(name, shards[i]); !fresh)
        return unfit("campaign " + name + " is in two shard folders: " + h->second.string() + " and " + shards[i].string());
      if (it->second != records[i].shardIndex)
        return unfit(shards[i].string() + " (shard " + shardName(records[i].shardIndex, first.shardCount) +
                     ") holds campaign " + name + ", which shard " + shardName(it->second, first.shardCount) + " runs");
    }
  }
  for (std::size_t k = 0; k < plan.size(); ++k)
    if (!holder.count(plan[k].name())) {
      const int shard = sweepShardOf(k, first.shardCount);
      return unfit("campaign " + plan[k].name() + " is missing: shard " + shardName(shard, first.shardCount) + " (" +
                   byIndex[shard].string() + ") did not finish it; run that shard again");
    }

  std::error_code ec;
  if (fs::exists(out, ec) && (!fs::is_directory(out, ec) || !fs::is_empty(out, ec)))
    return makeError(ErrorCode::BadArgument, "--out " + out.string() + " exists and is not an empty folder");
  SweepRecord merged = first;
  merged.shardIndex = merged.shardCount = 1;
  if (auto s = prepareSweepFolder(out, merged); !s) return s.error();
  for (const auto& c : plan) {
    fs::copy(campaignFolder(holder[c.name()], c), campaignFolder(out, c), fs::copy_options::recursive, ec);
    if (ec) {
      fs::remove_all(out, ec);
      return makeError(ErrorCode::Io, "merge --fuzz: cannot copy campaign " + c.name() + " into " + out.string() + ": " + ec.message());
    }
  }
  auto summary = summarizeSweep(out);
  if (!summary) fs::remove_all(out, ec);
  return summary;
}

}  // namespace rtlarena::fuzz
