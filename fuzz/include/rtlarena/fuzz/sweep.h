// A fuzz sweep: the campaigns of one configuration over schedulers x seeds, each run into its
// own folder DIR/campaigns/<algo>-s<seed>/, with tables over all of them. A sweep can be split
// into shards (`fuzz --shard I/N`): campaign k of the plan (schedulers in the order given, seeds
// inside) belongs to shard k mod N + 1, so the shards are balanced and every machine computes
// its part alone. `merge --fuzz` joins shard folders after checking they are one sweep.
//
// Folder layout: sweep.json (the record: configuration, schedulers, seeds, shard), campaigns/
// (each an ordinary `fuzz --out` folder), and the tables written by summarizeSweep:
// coverage.csv (per campaign, per scheduler and overall, overall being the union of points),
// bugs.csv (mismatch signatures, deduplicated, with the campaigns that found each and at
// which test) and sweep_summary.json (both tables as printed by --json).
#pragma once

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"

namespace rtlarena::fuzz {

struct SweepCampaign {
  std::string algo;
  uint64_t seed = 0;
  /// "egreedy-s3": the campaign's folder name under campaigns/.
  std::string name() const;
};

/// "1-30", "7", "1,4,9-12" -> the seeds in the order given; BadArgument naming the text when
/// malformed, empty, or a seed repeats.
Result<std::vector<uint64_t>> parseSeedList(const std::string& text);

/// "uniform,egreedy" -> {"uniform", "egreedy"}; BadArgument for an empty item or a repeat.
Result<std::vector<std::string>> parseAlgoList(const std::string& text);

/// Every campaign of the plan: schedulers in the order given, seeds inside.
std::vector<SweepCampaign> sweepCampaigns(const std::vector<std::string>& algos, const std::vector<uint64_t>& seeds);

/// The 1-based shard of `count` that runs campaign number `position` (0-based) of the plan.
inline int sweepShardOf(std::size_t position, int count) {
  return count <= 1 ? 1 : static_cast<int>(position % static_cast<std::size_t>(count)) + 1;
}

/// The campaigns shard `index` of `count` runs, in plan order.
std::vector<SweepCampaign> shardCampaigns(const std::vector<SweepCampaign>& plan, int index, int count);

/// What sweep.json holds. `config` is everything that decides a campaign's results except
/// its scheduler and seed (the core, the bug, the budget, the knobs).
struct SweepRecord {
  nlohmann::json config = nlohmann::json::object();
  std::vector<std::string> algos;
  std::vector<uint64_t> seeds;
  int shardIndex = 1, shardCount = 1;

  std::vector<SweepCampaign> campaigns() const { return sweepCampaigns(algos, seeds); }
};

std::string sweepRecordJson(const SweepRecord& record);
/// DIR/sweep.json; Parse naming the file when it is not a sweep record, NotFound when absent.
Result<SweepRecord> readSweepRecord(const std::filesystem::path& dir);

/// Makes `dir` ready for `record`: creates it and writes sweep.json, or, for a folder that
/// already holds this sweep (a resubmitted shard), keeps its finished campaigns and removes
/// unfinished ones. BadArgument when the folder holds something else or another sweep.
Status prepareSweepFolder(const std::filesystem::path& dir, const SweepRecord& record);

/// DIR/campaigns/<name>.
std::filesystem::path campaignFolder(const std::filesystem::path& dir, const SweepCampaign& campaign);
/// A campaign folder is finished once its campaign.json exists: `fuzz` writes it last.
bool campaignFinished(const std::filesystem::path& dir, const SweepCampaign& campaign);

/// Reads the finished campaigns of the sweep folder `dir`, writes coverage.csv, bugs.csv and
/// sweep_summary.json there, and returns the summary (the JSON text). Timing fields are named
/// *seconds so that a comparison can drop them.
Result<std::string> summarizeSweep(const std::filesystem::path& dir);

/// The summary as a readable table: campaigns, schedulers, overall, bugs.
std::string sweepSummaryText(const std::string& summaryJson);

/// Joins the shard folders of one sweep into `out` (new or empty): campaign folders copied,
/// tables written; returns the summary. BadConfig naming the folder and what is wrong when
/// they are not one sweep (another configuration, schedulers, seeds or shard count), a shard
/// is given twice or is missing, or a campaign is missing, duplicated or not in the plan;
/// then nothing is written.
Result<std::string> mergeSweeps(const std::vector<std::filesystem::path>& shards, const std::filesystem::path& out);

}  // namespace rtlarena::fuzz
