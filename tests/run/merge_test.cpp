// `rtlarena run --shard I/N` and `rtlarena merge`: the shards of a run merge into a store whose
// summary and rows equal the single-machine run's; shards that do not make one run are refused
// with exit 3 and nothing written.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/core/process.h"

#include "../support/rtlarena_cli.h"

namespace rtlarena {
namespace {

namespace fs = std::filesystem;

ProcessResult rtlarena(std::vector<std::string> args) { return ::rtlarena::test_support::runRtlarena(args); }

std::vector<std::string> runArgs(const std::string& out, int n, const std::string& shard = "") {
  std::vector<std::string> a = {"run", "--suite", "core", "--model", "bad", "-n", std::to_string(n), "-j", "2",
                                "--controls", "--no-control-cache", "--out", out, "--json", "--no-progress"};
  for (const char* t : {"popcount8", "mux4_bus8", "edge_detect", "gray_counter4"}) {
    a.push_back("--task");
    a.push_back(t);
  }
  if (!shard.empty()) {
    a.push_back("--shard");
    a.push_back(shard);
  }
  return a;
}

// The summary without what differs between invocations (ids, folders, times, work done now).
nlohmann::json stableSummary(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded()) return j;
  for (const char* key : {"run_id", "out", "wall_seconds", "tool_seconds"}) j.erase(key);
  for (auto it = j.begin(); it != j.end();)
    it = it.key().size() > 4 && it.key().substr(it.key().size() - 4) == "_now" ? j.erase(it) : std::next(it);
  return j;
}

std::string rows(const std::string& dir) {
  sqlite3* h = nullptr;
  sqlite3_open_v2((dir + "/results.sqlite").c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* s = nullptr;
  std::string out;
  sqlite3_prepare_v2(h,
                     "SELECT task_id, sample, mode, verdict, cls, mismatches FROM evaluations UNION ALL "
                     "SELECT task_id, sample, 'sample', code_hash, extract_method, llm_error FROM samples ORDER BY 1, 2, 3",
                     -1, &s, nullptr);
  while (sqlite3_step(s) == SQLITE_ROW) {
    for (int i = 0; i < 6; ++i) {
      const unsigned char* t = sqlite3_column_text(s, i);
      out += t ? reinterpret_cast<const char*>(t) : "null";
      out += i == 5 ? "\n" : "|";
    }
  }
  sqlite3_finalize(s);
  sqlite3_close(h);
  return out;
}

class Merge : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto dir = TempDir::create("merge");
    ASSERT_TRUE(dir.ok());
    dir_ = new TempDir(std::move(*dir));
    const std::string d = dir_->path().string();
    auto single = rtlarena(runArgs(d + "/single", 2));
    ASSERT_EQ(single.exitCode, 0) << single.err;
    singleSummary_ = new std::string(single.out);
    for (int i = 1; i <= 3; ++i) {
      auto shard = rtlarena(runArgs(d + "/shard" + std::to_string(i), 2, std::to_string(i) + "/3"));
      ASSERT_EQ(shard.exitCode, 0) << shard.err;
    }
  }
  static void TearDownTestSuite() {
    delete dir_;
    delete singleSummary_;
  }
  std::string d() const { return dir_->path().string(); }
  std::vector<std::string> shards() const { return {d() + "/shard1", d() + "/shard2", d() + "/shard3"}; }
  ProcessResult merge(std::vector<std::string> dirs, const std::string& out) {
    std::vector<std::string> a = {"merge"};
    a.insert(a.end(), dirs.begin(), dirs.end());
    a.insert(a.end(), {"--out", out, "--json"});
    return rtlarena(a);
  }
  static TempDir* dir_;
  static std::string* singleSummary_;
};
TempDir* Merge::dir_ = nullptr;
std::string* Merge::singleSummary_ = nullptr;

TEST_F(Merge, MergedShardsEqualTheSingleMachineRun) {
  auto merged = merge({shards()[2], shards()[0], shards()[1]}, d() + "/merged");  // any order
  ASSERT_EQ(merged.exitCode, 0) << merged.err;
  const auto single = stableSummary(*singleSummary_), joined = stableSummary(merged.out);
  ASSERT_FALSE(single.is_discarded());
  EXPECT_EQ(joined, single);
  EXPECT_EQ(single["samples"], 8);
  EXPECT_EQ(single["golden_ceiling"]["native"], 1.0);  // controls are there, judged once
  EXPECT_EQ(rows(d() + "/merged"), rows(d() + "/single"));
  // Every shard held part of the work, none all of it.
  for (const auto& s : shards()) {
    const std::string r = rows(s);
    EXPECT_LT(r.size(), rows(d() + "/single").size()) << s;
  }
}

// One test, not five: each test is a process of its own under ctest, and every one would
// run the shards again.
TEST_F(Merge, RefusesShardsThatDoNotMakeOneRunAndWritesNothing) {
  {
    SCOPED_TRACE("a shard missing");
    auto r = merge({shards()[0], shards()[2]}, d() + "/missing");
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("shard 2/3 is missing"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(d() + "/missing/results.sqlite"));
  }
  {
    SCOPED_TRACE("a shard given twice");
    auto r = merge({shards()[0], shards()[1], shards()[2], shards()[1]}, d() + "/twice");
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("given twice"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(d() + "/twice/results.sqlite"));
  }
  {
    SCOPED_TRACE("a shard of another configuration, an unsharded run");
    auto other = rtlarena(runArgs(d() + "/other2", 1, "2/3"));
    ASSERT_EQ(other.exitCode, 0) << other.err;
    auto r = merge({shards()[0], d() + "/other2", shards()[2]}, d() + "/mixed");
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("samples_per_task"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(d() + "/mixed/results.sqlite"));
    auto u = merge({d() + "/single"}, d() + "/unsharded");
    EXPECT_EQ(u.exitCode, 3);
    EXPECT_NE(u.err.find("not a shard"), std::string::npos) << u.err;
  }
  {
    SCOPED_TRACE("a folder that holds a run already");
    auto r = merge(shards(), d() + "/single");
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("already holds a run"), std::string::npos) << r.err;
  }
  {
    SCOPED_TRACE("a shard resumed as another shard, a shard index out of range");
    auto r = rtlarena(runArgs(d() + "/shard1", 2, "2/3"));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("holds shard 1/3, not shard 2/3"), std::string::npos) << r.err;
    auto bad = rtlarena(runArgs(d() + "/badshard", 2, "4/3"));
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_NE(bad.err.find("--shard '4/3'"), std::string::npos) << bad.err;
  }
}

}  // namespace
}  // namespace rtlarena

namespace rtlarena {
namespace {

// `mutate --shard I/N --json` reports merge into the unsharded report, byte for byte.
TEST(MergeMutation, ShardReportsMergeIntoTheUnshardedReport) {
  auto dir = TempDir::create("merge-mutation");
  ASSERT_TRUE(dir.ok());
  const std::string d = dir->path().string();
  std::vector<std::string> args = {"mutate", "--suite", "core", "--task", "popcount8", "--task", "mux4_bus8", "--task",
                                   "edge_detect", "--mutants", "3", "--no-judge", "-j", "2", "--json"};
  auto single = rtlarena(args);
  ASSERT_EQ(single.exitCode, 0) << single.err;
  std::vector<std::string> merge = {"merge", "--mutation"};
  for (int i = 1; i <= 2; ++i) {
    auto a = args;
    a.insert(a.end(), {"--shard", std::to_string(i) + "/2"});
    auto shard = rtlarena(a);
    ASSERT_EQ(shard.exitCode, 0) << shard.err;
    ASSERT_TRUE(writeFile(d + "/s" + std::to_string(i) + ".json", shard.out).ok());
    merge.push_back(d + "/s" + std::to_string(i) + ".json");
  }
  merge.insert(merge.end(), {"--out", d + "/merged.json"});
  auto merged = rtlarena(merge);
  ASSERT_EQ(merged.exitCode, 0) << merged.err;
  auto text = readFile(d + "/merged.json");
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, single.out);
  auto partial = rtlarena({"merge", "--mutation", d + "/s1.json", "--out", d + "/partial.json"});
  EXPECT_EQ(partial.exitCode, 3);
  EXPECT_FALSE(fs::exists(d + "/partial.json"));
}

}  // namespace
}  // namespace rtlarena
