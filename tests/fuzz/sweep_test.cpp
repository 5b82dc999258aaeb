// Fuzz sweeps without a core: the seed and scheduler lists, the partition into shards, the
// folder of a resubmitted shard, and `merge --fuzz` on small hand-made campaign folders (its
// tables, and every way shards can fail to be one sweep, with nothing written then).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/fuzz/sweep.h"

namespace rtlarena::fuzz {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

TEST(FuzzSweep, SeedListsTakeRangesAndSinglesInOrder) {
  auto s = parseSeedList("3,1-2,10");
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(*s, (std::vector<uint64_t>{3, 1, 2, 10}));
  for (const char* bad : {"", "1-", "a", "5-3", "1,,2", "1-3,2", "1-1000000"}) {
    auto r = parseSeedList(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::BadArgument);
    EXPECT_NE(r.error().message.find("--seeds '" + std::string(bad) + "'"), std::string::npos) << r.error().message;
  }
  EXPECT_EQ(*parseAlgoList("uniform,egreedy"), (std::vector<std::string>{"uniform", "egreedy"}));
  EXPECT_FALSE(parseAlgoList("uniform,").ok());
  EXPECT_FALSE(parseAlgoList("ucb1,ucb1").ok());
}

TEST(FuzzSweep, ShardsSplitThePlanOnceAndEvenly) {
  const auto plan = sweepCampaigns({"uniform", "egreedy", "ucb1"}, {1, 2, 3, 4, 5, 6, 7});
  ASSERT_EQ(plan.size(), 21u);
  EXPECT_EQ(plan.front().name(), "uniform-s1");
  EXPECT_EQ(plan.back().name(), "ucb1-s7");
  for (int n : {1, 2, 4, 5, 21, 30}) {
    std::map<std::string, int> seen;
    std::size_t smallest = plan.size(), largest = 0;
    for (int i = 1; i <= n; ++i) {
      const auto mine = shardCampaigns(plan, i, n);
      smallest = std::min(smallest, mine.size()), largest = std::max(largest, mine.size());
      for (const auto& c : mine) ++seen[c.name()];
    }
    EXPECT_EQ(seen.size(), plan.size()) << n << " shards";
    for (const auto& [name, times] : seen) EXPECT_EQ(times, 1) << name << " with " << n << " shards";
    EXPECT_LE(largest - smallest, 1u) << n << " shards";
  }
  // The same call gives the same part: every machine computes it alone.
  EXPECT_EQ(shardCampaigns(plan, 2, 4).front().name(), shardCampaigns(plan, 2, 4).front().name());
}

SweepRecord record(int index, int count, json config = {{"core_config", "mc"}, {"tests", 300}}) {
  SweepRecord r;
  r.config = std::move(config);
  r.algos = {"uniform", "egreedy"};
  r.seeds = {1, 2};
  r.shardIndex = index;
  r.shardCount = count;
  return r;
}

// A finished campaign folder as `fuzz --out` leaves it: `missed` are its uncovered points of
// 10; `bugs` its mismatches as (signature, first test).
void writeCampaign(const fs::path& dir, const SweepCampaign& c, std::vector<int> missed,
                   std::vector<std::pair<std::string, int>> bugs = {}) {
  const fs::path d = campaignFolder(dir, c);
  json mismatches = json::array();
  for (const auto& [sig, first] : bugs) mismatches.push_back({{"signature", sig}, {"count", 2}, {"first_test", first}, {"message", sig + " differs"}});
  json known = json::array();  // "pc_stuck" stands for a deviation calibration reported
  for (const auto& [sig, first] : bugs)
    if (sig == "pc_stuck") known.push_back(sig);
  const json summary = {{"core", "mc"}, {"bug", ""}, {"algo", c.algo}, {"seed", c.seed}, {"tests", 300},
                        {"known_deviations", known},
                        {"seconds", 0.5}, {"coverage", 10 - missed.size()}, {"coverage_points", 10},
                        {"coverage_percent", 10.0 * (10 - missed.size())}, {"mismatches", 2 * bugs.size()},
                        {"unique_mismatches", bugs.size()}, {"first_mismatch_test", bugs.empty() ? json() : json(bugs.front().second)}};
  std::string uncovered;
  for (int p : missed) uncovered += std::to_string(p) + "\tline\tx.sv:1\t\n";
  ASSERT_TRUE(writeFile(d / "summary.json", summary.dump()).ok());
  ASSERT_TRUE(writeFile(d / "mismatches.json", mismatches.dump()).ok());
  ASSERT_TRUE(writeFile(d / "uncovered.tsv", uncovered).ok());
  ASSERT_TRUE(writeFile(d / "campaign.json", "{}").ok());
}

// Shard I of 2 with its own campaigns: uniform-s1 and egreedy-s1 in shard 1, the s2 ones in 2.
fs::path writeShard(const fs::path& root, int index, const json& config = {{"core_config", "mc"}, {"tests", 300}}) {
  const fs::path dir = root / ("shard" + std::to_string(index));
  EXPECT_TRUE(prepareSweepFolder(dir, record(index, 2, config)).ok());
  for (const auto& c : shardCampaigns(record(index, 2).campaigns(), index, 2)) {
    if (c.name() == "uniform-s1") writeCampaign(dir, c, {0, 1, 2}, {{"x3_wrong", 40}});
    if (c.name() == "egreedy-s1") writeCampaign(dir, c, {1, 2, 3}, {{"x3_wrong", 12}, {"pc_stuck", 99}});
    if (c.name() == "uniform-s2") writeCampaign(dir, c, {2, 5});
    if (c.name() == "egreedy-s2") writeCampaign(dir, c, {2, 3, 4});
  }
  return dir;
}

TEST(FuzzSweep, MergeJoinsShardsIntoCoverageAndBugTables) {
  auto tmp = TempDir::create("sweep");
  ASSERT_TRUE(tmp.ok());
  const auto s1 = writeShard(tmp->path(), 1), s2 = writeShard(tmp->path(), 2);
  EXPECT_EQ(shardCampaigns(record(1, 2).campaigns(), 1, 2).size(), 2u);
  auto merged = mergeSweeps({s2, s1}, tmp->path() / "out");
  ASSERT_TRUE(merged.ok()) << merged.error().message;
  const json j = json::parse(*merged);
  ASSERT_EQ(j["campaigns"].size(), 4u);
  EXPECT_EQ(j["campaigns"][0]["campaign"], "uniform-s1");  // plan order, whatever the shards' order
  EXPECT_EQ(j["overall"]["coverage_union"], 9);             // only point 2 missed by all four
  EXPECT_EQ(j["overall"]["tests"], 1200);
  EXPECT_EQ(j["by_algo"][0]["scope"], "algo:uniform");
  EXPECT_EQ(j["by_algo"][0]["coverage_union"], 9);          // {0,1,2} and {2,5} share 2
  EXPECT_EQ(j["by_algo"][1]["coverage_union"], 8);          // {1,2,3} and {2,3,4} share 2,3
  ASSERT_EQ(j["bugs"].size(), 2u);
  EXPECT_EQ(j["bugs"][0]["signature"], "x3_wrong");        // found by two campaigns: first
  EXPECT_EQ(j["bugs"][0]["campaigns"], 2);
  EXPECT_EQ(j["bugs"][0]["first_test"], 12);
  EXPECT_EQ(j["bugs"][0]["count"], 4);
  EXPECT_EQ(j["bugs"][0]["found_by"][1], (json{{"campaign", "egreedy-s1"}, {"first_test", 12}, {"count", 2}}));
  EXPECT_FALSE(j["bugs"][0].value("known", false));
  EXPECT_EQ(j["bugs"][1]["signature"], "pc_stuck");
  EXPECT_TRUE(j["bugs"][1].value("known", false)) << "a campaign listed it under known_deviations";
  for (const char* f : {"sweep.json", "coverage.csv", "bugs.csv", "sweep_summary.json", "campaigns/egreedy-s2/summary.json"})
    EXPECT_TRUE(fs::exists(tmp->path() / "out" / f)) << f;
  auto csv = readFile(tmp->path() / "out" / "bugs.csv");
  ASSERT_TRUE(csv.ok());
  EXPECT_NE(csv->find("x3_wrong,2,12,4,uniform-s1@40 egreedy-s1@12,x3_wrong differs"), std::string::npos) << *csv;
  auto rec = readSweepRecord(tmp->path() / "out");
  ASSERT_TRUE(rec.ok());
  EXPECT_EQ(rec->shardCount, 1);  // the merged folder is the whole sweep
}

// Expects `mergeSweeps` to refuse with BadConfig naming `words`, and to leave no --out behind.
void expectRefused(const std::vector<fs::path>& shards, const fs::path& out, const std::string& words) {
  auto r = mergeSweeps(shards, out);
  ASSERT_FALSE(r.ok()) << words;
  EXPECT_EQ(r.error().code, ErrorCode::BadConfig) << r.error().message;
  EXPECT_NE(r.error().message.find(words), std::string::npos) << r.error().message;
  EXPECT_FALSE(fs::exists(out)) << "nothing is written when shards do not fit: " << words;
}

TEST(FuzzSweep, MergeRefusesMissingDuplicateAndForeignShards) {
  auto tmp = TempDir::create("sweep");
  ASSERT_TRUE(tmp.ok());
  const fs::path root = tmp->path(), out = root / "out";
  const auto s1 = writeShard(root, 1), s2 = writeShard(root, 2);
  expectRefused({s1}, out, "shard 2/2 is missing");
  expectRefused({s1, s2, s1}, out, "shard 1/2 given twice");
  const auto other = writeShard(root / "other", 2, {{"core_config", "mc"}, {"tests", 500}});
  expectRefused({s1, other}, out, "is not the same sweep as " + s1.string() + " (tests 300 vs 500)");
}

TEST(FuzzSweep, MergeNamesAMissingOrDuplicatedCampaign) {
  auto tmp = TempDir::create("sweep");
  ASSERT_TRUE(tmp.ok());
  const fs::path root = tmp->path(), out = root / "out";
  const auto s1 = writeShard(root, 1), s2 = writeShard(root, 2);
  // A campaign killed before it finished has no campaign.json.
  fs::remove(campaignFolder(s2, {"egreedy", 2}) / "campaign.json");
  expectRefused({s1, s2}, out, "campaign egreedy-s2 is missing: shard 2/2 (" + s2.string() + ") did not finish it");
  fs::remove_all(campaignFolder(s2, {"egreedy", 2}));
  expectRefused({s1, s2}, out, "campaign egreedy-s2 is missing");
  writeCampaign(s2, {"egreedy", 2}, {2});
  // The same campaign copied into the other shard's folder.
  fs::copy(campaignFolder(s1, {"uniform", 1}), campaignFolder(s2, {"uniform", 1}), fs::copy_options::recursive);
  expectRefused({s1, s2}, out, "campaign uniform-s1 is in two shard folders");
  fs::remove_all(campaignFolder(s1, {"uniform", 1}));
  expectRefused({s1, s2}, out, "holds campaign uniform-s1, which shard 1/2 runs");
  fs::remove_all(campaignFolder(s2, {"uniform", 1}));
  writeCampaign(s2, {"ucb1", 1}, {2});
  expectRefused({s1, s2}, out, "holds campaign ucb1-s1, which is not in the sweep");
}

TEST(FuzzSweep, AResubmittedShardKeepsFinishedCampaignsAndRefusesAnotherSweep) {
  auto tmp = TempDir::create("sweep");
  ASSERT_TRUE(tmp.ok());
  const auto s1 = writeShard(tmp->path(), 1);
  fs::remove(campaignFolder(s1, {"egreedy", 1}) / "campaign.json");  // killed mid-campaign
  ASSERT_TRUE(prepareSweepFolder(s1, record(1, 2)).ok());
  EXPECT_TRUE(campaignFinished(s1, {"uniform", 1}));
  EXPECT_FALSE(fs::exists(campaignFolder(s1, {"egreedy", 1}))) << "an unfinished campaign is run again from the start";
  auto other = prepareSweepFolder(s1, record(1, 3));
  ASSERT_FALSE(other.ok());
  EXPECT_NE(other.error().message.find("holds another sweep (shard"), std::string::npos) << other.error().message;
  ASSERT_TRUE(writeFile(tmp->path() / "stray" / "x.txt", "x").ok());
  EXPECT_FALSE(prepareSweepFolder(tmp->path() / "stray", record(1, 2)).ok());
}

TEST(FuzzSweep, AMalformedCampaignFileIsNamed) {
  auto tmp = TempDir::create("sweep");
  ASSERT_TRUE(tmp.ok());
  const auto s1 = writeShard(tmp->path(), 1);
  ASSERT_TRUE(writeFile(campaignFolder(s1, {"egreedy", 1}) / "uncovered.tsv", "12\tline\nx7\tline\n").ok());
  auto r = summarizeSweep(s1);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Parse);
  EXPECT_NE(r.error().message.find("egreedy-s1/uncovered.tsv: 'x7' is not a point index"), std::string::npos)
      << r.error().message;
}

}  // namespace
}  // namespace rtlarena::fuzz
