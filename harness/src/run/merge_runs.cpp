// Merging shard stores (see merge_runs.h). The order: read and check every shard, then write
// the merged store under a temporary name and rename it, so a failed merge leaves nothing.
#include "rtlarena/run/merge_runs.h"

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "rtlarena/run/run_store.h"
#include "rtlarena/run/shard.h"
#include "rtlarena/store/store.h"

namespace rtlarena {

namespace fs = std::filesystem;

namespace {

// Extras that describe one invocation, not the results: not carried into the merged store.
bool perInvocationExtra(const std::string& kind) { return kind == kShardExtraKind || kind == "cost"; }

struct ShardStore {
  std::string dir;
  std::unique_ptr<Store> store;
  RunRecord run;
  Shard shard;
};

struct Merged {
  std::vector<SampleRecord> samples;
  std::vector<EvalRecord> evaluations;
  std::map<std::pair<std::string, std::string>, std::string> extras;  // (kind, key) -> json
  std::set<std::string> tasks;
};

Result<ShardStore> openShard(const std::string& dir) {
  ShardStore s;
  s.dir = dir;
  auto store = Store::openReadOnly(dir);
  if (!store) return store.error();
  s.store = std::move(*store);
  auto run = s.store->run();
  if (!run) return run.error();
  if (!*run) return makeError(ErrorCode::NotFound, dir + ": holds no run");
  s.run = **run;
  auto rows = s.store->extras(kShardExtraKind);
  if (!rows) return rows.error();
  if (rows->empty())
    return makeError(ErrorCode::BadArgument, dir + ": not a shard (it was run without --shard I/N)");
  auto shard = shardFromJson(rows->front().second);
  if (!shard) return makeError(ErrorCode::Parse, dir + ": " + shard.error().message);
  s.shard = *shard;
  return s;
}

// One configuration, one shard count, every index once.
Status checkBelongTogether(const std::vector<ShardStore>& shards) {
  const ShardStore& first = shards.front();
  std::map<int, const ShardStore*> byIndex;
  for (const auto& s : shards) {
    if (s.run.configJson != first.run.configJson)
      return makeError(ErrorCode::BadArgument, s.dir + ": not the same run as " + first.dir + ": its " +
                                                   describeConfigDifference(first.run.configJson, s.run.configJson));
    if (s.run.toolVersionsJson != first.run.toolVersionsJson)
      return makeError(ErrorCode::BadArgument, s.dir + ": ran with other tool versions than " + first.dir + " (" +
                                                   s.run.toolVersionsJson + " vs " + first.run.toolVersionsJson + ")");
    if (s.run.gitRevision != first.run.gitRevision)
      return makeError(ErrorCode::BadArgument, s.dir + ": ran rtlarena revision " + s.run.gitRevision + ", " +
                                                   first.dir + " revision " + first.run.gitRevision);
    if (s.shard.count != first.shard.count)
      return makeError(ErrorCode::BadArgument, s.dir + ": shard " + shardName(s.shard) + " of a split into " +
                                                   std::to_string(s.shard.count) + ", but " + first.dir + " is shard " +
                                                   shardName(first.shard));
    if (auto [it, fresh] = byIndex.emplace(s.shard.index, &s); !fresh)
      return makeError(ErrorCode::BadArgument, "shard " + shardName(s.shard) + " given twice: " + it->second->dir +
                                                   " and " + s.dir);
  }
  for (int i = 1; i <= first.shard.count; ++i)
    if (!byIndex.count(i))
      return makeError(ErrorCode::BadArgument, "shard " + shardName({i, first.shard.count}) +
                                                   " is missing: give the folders of all " +
                                                   std::to_string(first.shard.count) + " shards");
  return Ok{};
}

Status foreignRow(const ShardStore& s, const std::string& what, const std::string& taskId, int sample) {
  return makeError(ErrorCode::BadArgument, s.dir + " (shard " + shardName(s.shard) + ") holds " + what + " " + taskId +
                                               "#" + std::to_string(sample) + ", which shard " +
                                               std::to_string(shardOf(taskId, sample, s.shard.count)) + " owns");
}

// Every row of a shard must be one it owns; owned rows of different shards cannot collide.
Status collect(const ShardStore& s, Merged& m) {
  auto samples = s.store->samples();
  if (!samples) return samples.error();
  for (auto& r : *samples) {
    if (!owns(s.shard, r.taskId, r.sample)) return foreignRow(s, "the sample", r.taskId, r.sample);
    m.samples.push_back(std::move(r));
  }
  auto modes = s.store->evaluationModes();
  if (!modes) return modes.error();
  for (const auto& mode : *modes) {
    auto rows = s.store->evaluations(mode);
    if (!rows) return rows.error();
    for (auto& r : *rows) {
      if (!owns(s.shard, r.taskId, r.sample)) return foreignRow(s, "a '" + mode + "' result for", r.taskId, r.sample);
      m.evaluations.push_back(std::move(r));
    }
  }
  auto kinds = s.store->extraKinds();
  if (!kinds) return kinds.error();
  for (const auto& kind : *kinds) {
    if (perInvocationExtra(kind)) continue;
    auto rows = s.store->extras(kind);
    if (!rows) return rows.error();
    for (auto& [key, json] : *rows) {
      if (kind == "task") m.tasks.insert(key);
      auto [it, fresh] = m.extras.emplace(std::pair{kind, key}, json);
      if (!fresh && it->second != json)
        return makeError(ErrorCode::BadArgument, s.dir + ": its '" + kind + "' record for '" + key +
                                                     "' differs from another shard's");
    }
  }
  return Ok{};
}

// Every (task, sample) of the run has its answer and native verdict; with controls, every task
// its golden and empty-module verdicts.
Status checkComplete(const std::vector<ShardStore>& shards, const Merged& m) {
  const RunRecord& run = shards.front().run;
  const int count = shards.front().shard.count;
  std::set<std::pair<std::string, int>> answered;
  std::set<std::tuple<std::string, int, std::string>> judged;
  for (const auto& s : m.samples) answered.insert({s.taskId, s.sample});
  for (const auto& e : m.evaluations) judged.insert({e.taskId, e.sample, e.mode});
  const auto config = nlohmann::json::parse(run.configJson, nullptr, false);
  const bool controls = config.is_object() && config.value("controls", false);
  auto dirOf = [&](int index) {
    for (const auto& s : shards)
      if (s.shard.index == index) return s.dir;
    return std::string();
  };
  auto missing = [&](const std::string& what, const std::string& task, int sample) {
    const int owner = shardOf(task, sample, count);
    return makeError(ErrorCode::BadArgument, "shard " + std::to_string(owner) + "/" + std::to_string(count) + " (" +
                                                 dirOf(owner) + ") lacks " + what + " " + task + "#" +
                                                 std::to_string(sample) +
                                                 ": it did not finish; run it again with the same command to resume");
  };
  for (const auto& task : m.tasks) {
    for (int i = 0; i < run.samplesPerTask; ++i) {
      if (!answered.count({task, i})) return missing("the sample", task, i);
      if (!judged.count({task, i, "native"})) return missing("the verdict of", task, i);
    }
    if (controls)
      for (const char* mode : {"golden", "control"})
        if (!judged.count({task, 0, mode})) return missing(std::string("the '") + mode + "' control of", task, 0);
  }
  return Ok{};
}

void removeStore(const fs::path& file) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(file.string() + suffix, ec);
}

Status writeMerged(const std::vector<ShardStore>& shards, const Merged& m, const fs::path& file) {
  auto store = Store::open(file);
  if (!store) return store.error();
  RunRecord run = shards.front().run;
  run.runId += "-merged";
  run.status = "complete";
  for (const auto& s : shards) {
    if (s.run.status != "complete") run.status = s.run.status;
    run.createdAt = std::min(run.createdAt, s.run.createdAt);
  }
  if (auto s = (*store)->createRun(run); !s) return s;
  for (const auto& s : m.samples)
    if (auto st = (*store)->putSample(s); !st) return st;
  for (const auto& e : m.evaluations)
    if (auto st = (*store)->putEvaluation(e); !st) return st;
  for (const auto& [kindKey, json] : m.extras)
    if (auto st = (*store)->putExtra(kindKey.first, kindKey.second, json); !st) return st;
  return Ok{};
}

}  // namespace

Result<RunSummary> mergeRuns(const std::vector<std::string>& shardDirs, const std::string& outDir) {
  if (shardDirs.empty()) return makeError(ErrorCode::BadArgument, "merge: no shard folders given");
  std::vector<ShardStore> shards;
  for (const auto& dir : shardDirs) {
    auto s = openShard(dir);
    if (!s) return s.error();
    shards.push_back(std::move(*s));
  }
  if (auto s = checkBelongTogether(shards); !s) return s.error();
  Merged merged;
  for (const auto& s : shards)
    if (auto st = collect(s, merged); !st) return st.error();
  if (auto s = checkComplete(shards, merged); !s) return s.error();

  const fs::path final = fs::path(outDir) / "results.sqlite";
  std::error_code ec;
  if (fs::exists(final, ec))
    return makeError(ErrorCode::BadArgument, outDir + " already holds a run; merge into a new --out folder");
  fs::create_directories(outDir, ec);
  if (ec) return makeError(ErrorCode::Io, outDir + ": cannot create: " + ec.message());
  const fs::path partial = fs::path(outDir) / ".merging.sqlite";
  removeStore(partial);
  if (auto s = writeMerged(shards, merged, partial); !s) {  // the store is closed here
    removeStore(partial);
    return s.error();
  }
  fs::rename(partial, final, ec);
  if (ec) {
    removeStore(partial);
    return makeError(ErrorCode::Io, final.string() + ": cannot write: " + ec.message());
  }
  removeStore(partial);  // WAL leftovers, if any
  auto summary = summarizeStore(outDir);
  if (!summary) return summary.error();
  summary->outDir = outDir;
  return summary;
}

}  // namespace rtlarena
