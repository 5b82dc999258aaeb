// End to end on a real single-node Slurm cluster (scripts/slurm_local.sh, started and stopped
// here): `rtlarena slurm run` shards the core suite over 4 array tasks; one task is cancelled
// while queued, is resubmitted, and the merged result still equals the single-machine run.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <future>
#include <nlohmann/json.hpp>
#include <thread>

#include "rtlarena/core/files.h"
#include "rtlarena/core/process.h"
#include "local_cluster.h"

namespace rtlarena {
namespace {

namespace fs = std::filesystem;

nlohmann::json stableSummary(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded()) return j;
  for (const char* key : {"run_id", "out", "wall_seconds", "tool_seconds"}) j.erase(key);
  for (auto it = j.begin(); it != j.end();)
    it = it.key().size() > 4 && it.key().substr(it.key().size() - 4) == "_now" ? j.erase(it) : std::next(it);
  return j;
}

std::string verdictRows(const std::string& dir) {
  sqlite3* h = nullptr;
  sqlite3_open_v2((dir + "/results.sqlite").c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* s = nullptr;
  std::string out;
  sqlite3_prepare_v2(h, "SELECT task_id || '#' || sample || ' ' || mode || ' ' || verdict || ' ' || cls FROM evaluations ORDER BY 1",
                     -1, &s, nullptr);
  while (sqlite3_step(s) == SQLITE_ROW) out += reinterpret_cast<const char*>(sqlite3_column_text(s, 0)) + std::string("\n");
  sqlite3_finalize(s);
  sqlite3_close(h);
  return out;
}

TEST(SlurmCluster, ShardedCoreRunWithACancelledTaskEqualsTheSingleMachineRun) {
  if (::geteuid() != 0) GTEST_SKIP() << "a local Slurm cluster needs root (slurmd starts jobs as their user)";
  auto tmp = TempDir::create("slurm");
  ASSERT_TRUE(tmp.ok());
  const std::string d = tmp->path().string();
  LocalCluster cluster(tmp->path() / "cluster");
  ASSERT_TRUE(cluster.up()) << cluster.startLog();
  const auto env = cluster.env();

  auto single = runTool({RTLARENA_BINARY, "run", "--suite", "core", "--model", "reference", "-j", "2", "--out",
                         d + "/single", "--json", "--no-progress"},
                        env, 900);
  ASSERT_EQ(single.exitCode, 0) << single.err;

  // The sharded run in the background; meanwhile array index 4 is cancelled once queued.
  auto sharded = std::async(std::launch::async, [&] {
    return runTool({RTLARENA_BINARY, "slurm", "run", "--array", "4", "--out", d + "/sharded", "--poll", "0.5", "--json",
                    "--suite", "core", "--model", "reference"},
                   env, 1500);
  });
  std::string cancelled;
  for (int i = 0; i < 600 && cancelled.empty(); ++i) {
    auto q = runTool({"squeue", "--noheader", "--format=%F"}, env, 30);
    std::string job = q.out.substr(0, q.out.find('\n'));
    if (!job.empty() && job.find_first_not_of("0123456789") == std::string::npos) {
      auto c = runTool({"scancel", job + "_4"}, env, 30);
      ASSERT_EQ(c.exitCode, 0) << c.err;
      cancelled = job + "_4";
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  ASSERT_FALSE(cancelled.empty()) << "the array job never showed up in squeue";
  const ProcessResult r = sharded.get();
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("shard 4/4 ended without finishing"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("resubmitted (attempt 2 of 3)"), std::string::npos) << r.err;
  auto jobs = readFile(d + "/sharded/slurm/jobs.txt");
  ASSERT_TRUE(jobs.ok());
  EXPECT_EQ(std::count(jobs->begin(), jobs->end(), '\n'), 2) << *jobs;  // the array, then index 4 again
  EXPECT_TRUE(fs::exists(d + "/sharded/slurm/run.sbatch"));

  const auto expected = stableSummary(single.out);
  ASSERT_FALSE(expected.is_discarded());
  EXPECT_EQ(stableSummary(r.out), expected);
  EXPECT_EQ(verdictRows(d + "/sharded"), verdictRows(d + "/single"));
  // `merge` by hand from the kept shards gives the same again.
  auto again = runTool({RTLARENA_BINARY, "merge", d + "/sharded/shards/1", d + "/sharded/shards/2", d + "/sharded/shards/3",
                        d + "/sharded/shards/4", "--out", d + "/again", "--json"},
                       env, 120);
  ASSERT_EQ(again.exitCode, 0) << again.err;
  EXPECT_EQ(stableSummary(again.out), expected);
}

}  // namespace
}  // namespace rtlarena
