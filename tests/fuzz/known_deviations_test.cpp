// A core's known deviations: the suspected bugs its calibration.json records, read back for a
// campaign, which lists the mismatches that match one under `known_deviations` and counts the
// others as `unique_not_known`.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/fuzz/calibrate.h"
#include "rtlarena/fuzz/report.h"

namespace rtlarena::fuzz {
namespace {

TEST(KnownDeviations, ReadsTheSuspectedBugsOfACalibration) {
  auto dir = TempDir::create("known-deviations");
  ASSERT_TRUE(dir.ok());
  const auto file = dir->path() / "calibration.json";
  ASSERT_TRUE(writeFile(file, R"({"format": "rtlarena-calibration-1", "core": "picorv32", "probes": 487,
    "suspected_bugs": [{"signature": "rd@fence", "probes": ["fence/rd-set", "fence/reserved-fm"]}]})").ok());
  auto s = readCalibrationSuspects(file);
  ASSERT_TRUE(s.ok()) << s.error().describe();
  ASSERT_EQ(s->size(), 1u);
  EXPECT_EQ(s->at("rd@fence"), (std::vector<std::string>{"fence/rd-set", "fence/reserved-fm"}));

  ASSERT_TRUE(writeFile(file, R"({"format": "something-else"})").ok());
  auto other = readCalibrationSuspects(file);
  ASSERT_FALSE(other.ok());
  EXPECT_NE(other.error().message.find(file.string()), std::string::npos) << other.error().message;
  ASSERT_TRUE(writeFile(file, "{not json").ok());
  EXPECT_FALSE(readCalibrationSuspects(file).ok());
  EXPECT_FALSE(readCalibrationSuspects(dir->path() / "missing.json").ok());
}

TEST(KnownDeviations, TheSummarySeparatesKnownDeviationsFromTheRest) {
  CampaignResult r;
  r.tests = 10;
  r.seconds = 1;
  for (const char* sig : {"rd@fence", "rd@add"}) {
    Mismatch m;
    m.signature = sig;
    r.unique.push_back(m);
  }
  CampaignMeta meta;
  meta.knownDeviations = {"rd@fence"};
  auto j = nlohmann::json::parse(summaryJson(r, meta));
  EXPECT_EQ(j["known_deviations"], nlohmann::json::array({"rd@fence"}));
  EXPECT_EQ(j["unique_not_known"], 1);
  meta.knownDeviations.clear();
  j = nlohmann::json::parse(summaryJson(r, meta));
  EXPECT_TRUE(j["known_deviations"].empty());
  EXPECT_EQ(j["unique_not_known"], 2);
}

}  // namespace
}  // namespace rtlarena::fuzz
