// `rtlarena fuzz` sweeps and `rtlarena merge --fuzz` through the binary: bad sweep flags are
// usage errors before anything is written; shards that are not one sweep are refused with one
// line and exit 3; two shards merged equal the whole sweep, a rerun shard keeps its finished
// campaigns, and a sweep's campaign equals the same campaign run alone (fuzzing is
// deterministic for a fixed seed and test budget). The core is mc, built once into the build
// tree's DUT cache.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/core/process.h"

#include "../support/rtlarena_cli.h"

namespace rtlarena {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

ProcessResult rtlarena(std::vector<std::string> args) { return ::rtlarena::test_support::runRtlarena(args); }

std::vector<std::string> sweep(const std::string& out, std::vector<std::string> more = {}) {
  std::vector<std::string> a = {"fuzz", "--core", "mc", "--algo", "uniform,egreedy", "--seeds", "1-2", "--tests", "200",
                                "--no-minimize", "--no-progress", "--json", "--cache-dir", RTLARENA_FUZZ_CACHE_ROOT, "--out", out};
  a.insert(a.end(), more.begin(), more.end());
  return a;
}

json stableSweep(const std::string& text) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return j;
  for (auto& c : j["campaigns"]) c.erase("seconds");
  for (auto& r : j["by_algo"]) r.erase("campaign_seconds");
  j["overall"].erase("campaign_seconds");
  return j;
}

TEST(FuzzSweepCli, BadSweepFlagsAreUsageErrorsWithNothingWritten) {
  auto tmp = TempDir::create("sweep-cli");
  ASSERT_TRUE(tmp.ok());
  const std::string out = (tmp->path() / "x").string();
  for (const auto& [args, named] : std::vector<std::pair<std::vector<std::string>, std::string>>{
           {sweep(out, {"--seed", "3"}), "give --seeds or --seed, not both"},
           {{"fuzz", "--core", "mc", "--seeds", "4-2", "--tests", "10", "--out", out}, "--seeds '4-2'"},
           {{"fuzz", "--core", "mc", "--algo", "uniform,nosuch", "--seeds", "1", "--tests", "10", "--out", out}, "nosuch"},
           {{"fuzz", "--core", "mc", "--algo", "uniform,egreedy", "--tests", "10"}, "needs --out DIR"},
           {{"fuzz", "--core", "mc", "--seeds", "1-2", "--shard", "3/2", "--tests", "10", "--out", out}, "--shard '3/2'"}}) {
    auto r = rtlarena(args);
    EXPECT_EQ(r.exitCode, 2) << named << ": " << r.err;
    EXPECT_NE(r.err.find(named), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "one line: " << r.err;
    EXPECT_FALSE(fs::exists(out)) << named;
  }
}

TEST(FuzzSweepCli, MergeRefusesFoldersThatAreNotOneSweepWithExit3) {
  auto tmp = TempDir::create("sweep-cli");
  ASSERT_TRUE(tmp.ok());
  const fs::path d = tmp->path();
  const std::string record = R"({"config": {"tests": 10}, "algos": ["uniform"], "seeds": [1, 2], "shard": {"index": 1, "count": 2}})";
  ASSERT_TRUE(writeFile(d / "s1" / "sweep.json", record).ok());
  ASSERT_TRUE(writeFile(d / "plain" / "notes.txt", "x").ok());
  for (const auto& [dirs, named] : std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{(d / "s1").string()}, "shard 2/2 is missing"},
           {{(d / "s1").string(), (d / "plain").string()}, "plain: not a fuzz sweep folder"}}) {
    std::vector<std::string> args = {"merge", "--fuzz"};
    args.insert(args.end(), dirs.begin(), dirs.end());
    args.insert(args.end(), {"--out", (d / "out").string()});
    auto r = rtlarena(args);
    EXPECT_EQ(r.exitCode, 3) << r.err;
    EXPECT_NE(r.err.find(named), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "one line: " << r.err;
    EXPECT_FALSE(fs::exists(d / "out"));
  }
}

TEST(FuzzSweepCli, TwoShardsMergeToTheWholeSweepAndCampaignsAreDeterministic) {
  auto tmp = TempDir::create("sweep-cli");
  ASSERT_TRUE(tmp.ok());
  const std::string d = tmp->path().string();
  auto whole = rtlarena(sweep(d + "/whole"));
  ASSERT_EQ(whole.exitCode, 0) << whole.err;
  const json expected = stableSweep(whole.out);
  ASSERT_EQ(expected["campaigns"].size(), 4u) << whole.out;
  EXPECT_GE(expected["overall"]["coverage_union"].get<int>(), expected["by_algo"][0]["coverage_union"].get<int>());

  for (const char* shard : {"1/2", "2/2"}) {
    auto r = rtlarena(sweep(d + "/shard" + std::string(1, shard[0]), {"--shard", shard}));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(json::parse(r.out)["campaigns"].size(), 2u) << shard;
  }
  auto merged = rtlarena({"merge", "--fuzz", d + "/shard2", d + "/shard1", "--out", d + "/merged", "--json"});
  ASSERT_EQ(merged.exitCode, 0) << merged.err;
  EXPECT_EQ(stableSweep(merged.out), expected);
  EXPECT_EQ(*readFile(d + "/merged/bugs.csv"), *readFile(d + "/whole/bugs.csv"));

  // A shard run again into its folder keeps what it finished (a resubmitted array task).
  const auto before = fs::last_write_time(d + "/shard1/campaigns/uniform-s1/summary.json");
  auto rerun = rtlarena(sweep(d + "/shard1", {"--shard", "1/2"}));
  ASSERT_EQ(rerun.exitCode, 0) << rerun.err;
  EXPECT_EQ(fs::last_write_time(d + "/shard1/campaigns/uniform-s1/summary.json"), before);
  auto other = rtlarena(sweep(d + "/shard1", {"--shard", "1/3"}));
  EXPECT_EQ(other.exitCode, 2) << other.err;
  EXPECT_NE(other.err.find("holds another sweep"), std::string::npos) << other.err;

  // The campaign egreedy-s2 of the sweep is the campaign `fuzz --algo egreedy --seed 2` alone.
  auto alone = rtlarena({"fuzz", "--core", "mc", "--algo", "egreedy", "--seed", "2", "--tests", "200", "--no-minimize",
                         "--no-progress", "--json", "--cache-dir", RTLARENA_FUZZ_CACHE_ROOT});
  ASSERT_EQ(alone.exitCode, 0) << alone.err;
  const json one = json::parse(alone.out);
  const json& inSweep = expected["campaigns"][3];
  ASSERT_EQ(inSweep["campaign"], "egreedy-s2");
  for (const char* key : {"tests", "coverage", "coverage_points", "mismatches", "unique_mismatches"})
    EXPECT_EQ(inSweep[key], one[key]) << key;
}

}  // namespace
}  // namespace rtlarena
