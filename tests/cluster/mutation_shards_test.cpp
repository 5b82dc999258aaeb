// Merging shard reports of `mutate --shard I/N --json`: the tasks of every shard, once; reports
// that are not one analysis refused with the reason.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "rtlarena/mutate/mutation_shards.h"

namespace rtlarena::mutate {
namespace {

const std::vector<std::string> kTasks = {"a", "b", "c", "d", "e", "f"};

std::string report(int index, int count, const std::string& config = R"({"mutants":4})") {
  nlohmann::json tasks = nlohmann::json::object();
  for (const auto& t : kTasks)
    if (owns({index, count}, t, 0)) tasks[t] = {{"killed", 1}};
  return shardReportJson(nlohmann::json{{"tasks", tasks}}.dump(), {index, count}, config, kTasks);
}

TEST(MutationShards, MergeHoldsEveryTaskOnce) {
  auto merged = mergeShardReports({"s2", "s1", "s3"}, {report(2, 3), report(1, 3), report(3, 3)});
  ASSERT_TRUE(merged.ok()) << merged.error().message;
  auto j = nlohmann::json::parse(*merged);
  EXPECT_EQ(j["tasks"].size(), kTasks.size());
  EXPECT_FALSE(j.contains("shard"));
  EXPECT_FALSE(j.contains("config"));
}

TEST(MutationShards, RefusesMissingDuplicateForeignAndOtherSettings) {
  auto missing = mergeShardReports({"s1", "s3"}, {report(1, 3), report(3, 3)});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("shard 2/3 is missing"), std::string::npos) << missing.error().message;
  auto twice = mergeShardReports({"s1", "s2", "s3", "again"}, {report(1, 3), report(2, 3), report(3, 3), report(2, 3)});
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.error().message.find("given twice: s2 and again"), std::string::npos) << twice.error().message;
  auto other = mergeShardReports({"s1", "s2"}, {report(1, 2), report(2, 2, R"({"mutants":5})")});
  ASSERT_FALSE(other.ok());
  EXPECT_NE(other.error().message.find("s2: not the same analysis"), std::string::npos) << other.error().message;
  // A report claiming to be shard 1/2 but holding shard 2/2's tasks.
  auto j = nlohmann::json::parse(report(2, 2));
  j["shard"]["index"] = 1;
  auto foreign = mergeShardReports({"forged", "s2"}, {j.dump(), report(2, 2)});
  ASSERT_FALSE(foreign.ok());
  EXPECT_NE(foreign.error().message.find("which shard 2 owns"), std::string::npos) << foreign.error().message;
  auto notReport = mergeShardReports({"x.json"}, {R"({"tasks": {}})"});
  ASSERT_FALSE(notReport.ok());
  EXPECT_EQ(notReport.error().code, ErrorCode::Parse);
}

}  // namespace
}  // namespace rtlarena::mutate
