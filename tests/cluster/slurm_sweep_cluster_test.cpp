// End to end on a real single-node Slurm cluster (scripts/slurm_local.sh, started and stopped
// by each test): `rtlarena slurm fuzz` runs a sweep of 2 schedulers x 2 seeds over 2 array
// tasks, one of them cancelled and resubmitted, and its merged tables equal the single-machine
// sweep's (a campaign with a fixed seed and test budget is deterministic); `rtlarena slurm mutate` over 2 array tasks gives the
// report of an unsharded `mutate --json`.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <future>
#include <thread>
#include <nlohmann/json.hpp>

#include "local_cluster.h"
#include "rtlarena/core/files.h"

namespace rtlarena {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The sweep summary without what differs from run to run: the time campaigns took.
json stableSweep(const std::string& text) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return j;
  for (auto& c : j["campaigns"]) c.erase("seconds");
  for (auto& r : j["by_algo"]) r.erase("campaign_seconds");
  j["overall"].erase("campaign_seconds");
  return j;
}

// A small sweep with a shallow catalogued bug, so that the bug table has rows to compare.
const std::vector<std::string> kSweepFlags = {"--core", "mc", "--bug", "MC_SLT_UNSIGNED", "--algo", "uniform,egreedy",
                                              "--seeds", "1-2", "--tests", "300", "--no-minimize",
                                              "--cache-dir", RTLARENA_FUZZ_CACHE_ROOT};

TEST(SlurmSweepCluster, ShardedFuzzSweepEqualsTheSingleMachineSweep) {
  if (::geteuid() != 0) GTEST_SKIP() << "a local Slurm cluster needs root (slurmd starts jobs as their user)";
  auto tmp = TempDir::create("slurm-fuzz");
  ASSERT_TRUE(tmp.ok());
  const std::string d = tmp->path().string();
  LocalCluster cluster(tmp->path() / "cluster");
  ASSERT_TRUE(cluster.up()) << cluster.startLog();
  const auto env = cluster.env();

  std::vector<std::string> single = {RTLARENA_BINARY, "fuzz", "--out", d + "/single", "--json", "--no-progress"};
  single.insert(single.end(), kSweepFlags.begin(), kSweepFlags.end());
  auto whole = runTool(single, env, 900);
  ASSERT_EQ(whole.exitCode, 1) << "the bug is found: exit 1\n" << whole.err;
  const json expected = stableSweep(whole.out);
  ASSERT_FALSE(expected.is_discarded()) << whole.out;
  ASSERT_EQ(expected["campaigns"].size(), 4u);
  ASSERT_FALSE(expected["bugs"].empty()) << whole.out;

  std::vector<std::string> sharded = {RTLARENA_BINARY, "slurm", "fuzz", "--array", "2", "--out", d + "/sharded", "--poll", "0.5",
                                      "--json"};
  sharded.insert(sharded.end(), kSweepFlags.begin(), kSweepFlags.end());
  // The sharded sweep in the background; meanwhile array index 2 is cancelled once queued (or
  // while it runs: then its unfinished campaign is run again from the start).
  auto pending = std::async(std::launch::async, [&] { return runTool(sharded, env, 900); });
  std::string cancelled;
  for (int i = 0; i < 600 && cancelled.empty(); ++i) {
    auto q = runTool({"squeue", "--noheader", "--format=%F"}, env, 30);
    std::string job = q.out.substr(0, q.out.find('\n'));
    if (!job.empty() && job.find_first_not_of("0123456789") == std::string::npos) {
      auto c = runTool({"scancel", job + "_2"}, env, 30);
      ASSERT_EQ(c.exitCode, 0) << c.err;
      cancelled = job + "_2";
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  ASSERT_FALSE(cancelled.empty()) << "the array job never showed up in squeue";
  const ProcessResult r = pending.get();
  ASSERT_EQ(r.exitCode, 1) << r.err;
  EXPECT_NE(r.err.find("shard 2/2 ended without finishing"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("resubmitted (attempt 2 of 3)"), std::string::npos) << r.err;
  EXPECT_EQ(stableSweep(r.out), expected);
  EXPECT_TRUE(fs::exists(d + "/sharded/slurm/fuzz.sbatch"));
  for (const char* shard : {"1", "2"}) {
    std::size_t campaigns = 0;
    for (const auto& e : fs::directory_iterator(d + "/sharded/shards/" + shard + "/campaigns")) campaigns += e.is_directory();
    EXPECT_EQ(campaigns, 2u) << "shard " << shard << " runs half the campaigns";
  }
  auto table = readFile(d + "/sharded/merged/bugs.csv");
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(*table, *readFile(d + "/single/bugs.csv"));

  // `merge --fuzz` by hand from the kept shards gives the same again.
  auto again = runTool({RTLARENA_BINARY, "merge", "--fuzz", d + "/sharded/shards/1", d + "/sharded/shards/2", "--out",
                        d + "/again", "--json"},
                       env, 120);
  ASSERT_EQ(again.exitCode, 0) << again.err;
  EXPECT_EQ(stableSweep(again.out), expected);
}

TEST(SlurmSweepCluster, ShardedMutationAnalysisEqualsTheUnshardedOne) {
  if (::geteuid() != 0) GTEST_SKIP() << "a local Slurm cluster needs root (slurmd starts jobs as their user)";
  auto tmp = TempDir::create("slurm-mutate");
  ASSERT_TRUE(tmp.ok());
  const std::string d = tmp->path().string();
  LocalCluster cluster(tmp->path() / "cluster");
  ASSERT_TRUE(cluster.up()) << cluster.startLog();
  const auto env = cluster.env();
  const std::vector<std::string> flags = {"--suite", "core", "--task", "popcount8", "--task", "edge_detect",
                                          "--task", "gray_counter4", "--task", "debounce", "--mutants", "4"};

  std::vector<std::string> single = {RTLARENA_BINARY, "mutate", "--json", "-j", "2"};
  single.insert(single.end(), flags.begin(), flags.end());
  auto whole = runTool(single, env, 900);
  ASSERT_EQ(whole.exitCode, 0) << whole.err;
  const json expected = json::parse(whole.out, nullptr, false);
  ASSERT_FALSE(expected.is_discarded()) << whole.out;
  ASSERT_EQ(expected["tasks"].size(), 4u);

  std::vector<std::string> sharded = {RTLARENA_BINARY, "slurm", "mutate", "--array", "2", "--out", d + "/sharded", "--poll", "0.5"};
  sharded.insert(sharded.end(), flags.begin(), flags.end());
  auto r = runTool(sharded, env, 900);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(json::parse(r.out, nullptr, false), expected);
  auto kept = readFile(d + "/sharded/mutation.json");
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(json::parse(*kept, nullptr, false), expected);
  for (const char* shard : {"1", "2"}) {
    auto report = readFile(d + "/sharded/shards/" + shard + ".json");
    ASSERT_TRUE(report.ok()) << shard;
    EXPECT_FALSE(json::parse(*report)["tasks"].empty()) << "shard " << shard << " analysed no task";
  }
}

}  // namespace
}  // namespace rtlarena
