// `rtlarena fuzz --algo A,B --seeds 1-30 --out DIR [--shard I/N]`: a sweep of campaigns, one per
// (scheduler, seed), each an ordinary campaign in DIR/campaigns/ALGO-sSEED; with --shard only
// the part shard I of N runs (fuzz/sweep.h), for `merge --fuzz` to join. A folder that already
// holds this sweep keeps its finished campaigns, so a resubmitted shard picks up where it
// stopped. The plan and tables are rtlarena_fuzz's; this file is flags and order.
#include <cstdio>

#include "commands.h"
#include "common.h"
#include "fuzz_flags.h"
#include "rtlarena/fuzz/core_config.h"
#include "rtlarena/fuzz/scheduler.h"
#include "rtlarena/fuzz/sweep.h"
#include "rtlarena/run/shard.h"

namespace rtlarena::cli {

using namespace rtlarena::fuzz;

namespace {

Result<SweepRecord> sweepRecord(const FuzzFlags& f) {
  if (f.out.empty())
    return makeError(ErrorCode::BadArgument, "fuzz: a sweep (--seeds, --algo A,B,... or --shard) needs --out DIR");
  if (f.seedGiven && !f.seeds.empty()) return makeError(ErrorCode::BadArgument, "fuzz: give --seeds or --seed, not both");
  SweepRecord r;
  auto algos = parseAlgoList(f.algo);
  if (!algos) return algos.error();
  for (const auto& a : *algos)
    if (auto s = makeScheduler(a); !s) return s.error();
  r.algos = std::move(*algos);
  if (f.seeds.empty()) {
    r.seeds = {f.seed};
  } else {
    auto seeds = parseSeedList(f.seeds);
    if (!seeds) return seeds.error();
    r.seeds = std::move(*seeds);
  }
  if (!f.shard.empty()) {
    auto shard = parseShard(f.shard);
    if (!shard) return shard.error();
    r.shardIndex = shard->index;
    r.shardCount = shard->count;
  }
  std::string core;
  if (!f.core.empty()) {
    auto path = resolveCoreConfig(f.core);
    if (!path) return path.error();
    core = path->string();
  }
  r.config = fuzzCampaignConfig(f, core);
  r.config.erase("algo");
  r.config.erase("seed");
  return r;
}

}  // namespace

int runFuzzSweep(const FuzzFlags& f) {
  auto record = sweepRecord(f);
  if (!record) return reportError(record.error());
  if (auto s = prepareSweepFolder(f.out, *record); !s) return reportError(s.error());
  const auto mine = shardCampaigns(record->campaigns(), record->shardIndex, record->shardCount);
  if (!f.noProgress)
    std::fprintf(stderr, "rtlarena fuzz: sweep shard %d/%d: %zu of %zu campaigns\n", record->shardIndex, record->shardCount,
                 mine.size(), record->campaigns().size());
  for (const auto& c : mine) {
    if (campaignFinished(f.out, c)) {
      if (!f.noProgress) std::fprintf(stderr, "rtlarena fuzz: %s finished before; kept\n", c.name().c_str());
      continue;
    }
    FuzzFlags one = f;
    one.algo = c.algo;
    one.seed = c.seed;
    one.out = campaignFolder(f.out, c).string();
    one.json = false;
    one.printSummary = !f.json;
    const int rc = runFuzzCampaign(one);
    if (rc != kExitOk && rc != kExitFailed) return rc;  // its error is printed; finished campaigns stay
  }
  auto summary = summarizeSweep(f.out);
  if (!summary) return reportError(summary.error());
  if (f.json) printJson(*summary);
  else std::printf("%s", sweepSummaryText(*summary).c_str());
  return nlohmann::json::parse(*summary)["bugs"].empty() ? kExitOk : kExitFailed;
}

}  // namespace rtlarena::cli
