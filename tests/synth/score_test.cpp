// PPA ratios, per-task aggregation, the human-surpassing count and the stored JSON.
#include <gtest/gtest.h>

#include <cmath>

#include "rtlarena/synth/score.h"

using namespace rtlarena::synth;

namespace {
PpaReport report(double area, double delay, double power) {
  PpaReport r;
  r.status = PpaStatus::Ok;
  r.areaUm2 = area;
  r.delayNs = delay;
  r.powerUw = power;
  return r;
}

SamplePpa sample(const std::string& task, int i, PpaReport cand, PpaReport ref) {
  SamplePpa s;
  s.taskId = task;
  s.sample = i;
  s.candidate = cand;
  s.reference = ref;
  s.scored = cand.ok() && ref.ok();
  if (s.scored) s.ratios = ppaRatios(cand, ref);
  return s;
}
}  // namespace

TEST(SynthScore, RatiosAreCandidateOverReference) {
  PpaRatios r = ppaRatios(report(50, 2, 10), report(100, 1, 10));
  EXPECT_DOUBLE_EQ(r.area, 0.5);
  EXPECT_DOUBLE_EQ(r.delay, 2.0);
  EXPECT_DOUBLE_EQ(r.power, 1.0);
  EXPECT_DOUBLE_EQ(r.score(), 1.0);
  EXPECT_FALSE(r.beatsAll());
  EXPECT_TRUE(ppaRatios(report(90, 0.9, 9), report(100, 1, 10)).beatsAll());
}

TEST(SynthScore, FloorsAvoidDividingByZero) {
  // Pure wiring: no timed path on either side.
  PpaRatios r = ppaRatios(report(0, 0, 0), report(0, 0, 0));
  EXPECT_DOUBLE_EQ(r.area, 1.0);
  EXPECT_DOUBLE_EQ(r.delay, 1.0);
  EXPECT_DOUBLE_EQ(r.power, 1.0);
  EXPECT_DOUBLE_EQ(ppaRatios(report(10, 1, 1), report(0, 0, 1)).delay, 1.0 / kDelayFloorNs);
}

TEST(SynthScore, SummaryTakesGeometricMeansAndCountsSurpassingTasks) {
  PpaReport bad;
  bad.status = PpaStatus::Unsynthesizable;
  bad.cls = "latch";
  std::vector<SamplePpa> v = {
      sample("a", 0, report(50, 1, 10), report(100, 1, 10)),    // area 0.5
      sample("a", 1, report(200, 1, 10), report(100, 1, 10)),   // area 2 -> geomean 1
      sample("b", 0, report(90, 0.9, 9), report(100, 1, 10)),   // beats on all three
      sample("c", 0, bad, report(100, 1, 10)),                  // not scored
  };
  PpaSummary s = summarizePpa(v);
  ASSERT_EQ(s.tasks.size(), 3u);
  EXPECT_EQ(s.samples, 4);
  EXPECT_EQ(s.scored, 3);
  EXPECT_EQ(s.scoredTasks, 2);
  EXPECT_NEAR(s.tasks[0].ratios.area, 1.0, 1e-12);
  EXPECT_FALSE(s.tasks[0].surpassing);
  EXPECT_TRUE(s.tasks[1].surpassing);
  EXPECT_EQ(s.humanSurpassing, 1);
  EXPECT_EQ(s.tasks[2].scored, 0);
  EXPECT_EQ(s.tasks[2].verdictNote, "1 unsynthesizable (latch)");
  EXPECT_NEAR(s.geomean.area, std::sqrt(1.0 * 0.9), 1e-12);
  EXPECT_EQ(s.verdicts.at("ok"), 3);
  EXPECT_EQ(s.verdicts.at("unsynthesizable"), 1);
}

TEST(SynthScore, StoredEntryRoundTrips) {
  SamplePpa s = sample("t", 3, report(50, 2, 4), report(100, 1, 4));
  s.candidate.cellTypes = {{"INVX1", 2}};
  auto back = samplePpaFromJson(samplePpaToJson(s));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->taskId, "t");
  EXPECT_EQ(back->sample, 3);
  EXPECT_TRUE(back->scored);
  EXPECT_DOUBLE_EQ(back->ratios.area, 0.5);
  EXPECT_EQ(back->candidate.cellTypes.at("INVX1"), 2);
  EXPECT_FALSE(samplePpaFromJson("{}").ok());
}
