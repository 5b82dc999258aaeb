// PPA inside a run: the PPA mode stores an entry for every passing sample, the reference
// model's ratios are exactly 1, resuming with it fills a run made without --ppa; and the CLI
// end to end.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/core/process.h"
#include "rtlarena/run/run_driver.h"
#include "rtlarena/store/store.h"
#include "rtlarena/synth/ppa_mode.h"
#include "rtlarena/synth/ppa_run.h"
#include "rtlarena/tasks/suite.h"
#include "synth_test_util.h"

using namespace rtlarena;
using namespace rtlarena::synth;
namespace fs = std::filesystem;

namespace {

std::vector<Task> coreTasks(const std::vector<std::string>& ids) {
  std::vector<Task> out;
  for (const auto& id : ids) {
    auto t = loadTaskDir(fs::path(RTLARENA_SOURCE_DIR) / "datasets" / "core" / id, "core");
    EXPECT_TRUE(t.ok()) << id << ": " << (t.ok() ? "" : t.error().describe());
    if (t.ok()) out.push_back(*t);
  }
  return out;
}

RunOptions referenceRun(const std::vector<Task>& tasks, const std::string& outDir) {
  RunOptions o;
  o.suite = "core";
  o.tasks = tasks;
  o.provider.spec = "reference";
  o.outDir = outDir;
  o.workers = 2;
  o.progress = false;
  return o;
}

std::vector<SamplePpa> storedPpa(const std::string& outDir) {
  auto store = Store::open(fs::path(outDir) / "results.sqlite");
  EXPECT_TRUE(store.ok());
  std::vector<SamplePpa> out;
  if (!store.ok()) return out;
  auto extras = (*store)->extras(kPpaExtraKind);
  EXPECT_TRUE(extras.ok());
  for (const auto& [key, json] : *extras) {
    auto s = samplePpaFromJson(json);
    EXPECT_TRUE(s.ok()) << key;
    if (s.ok()) out.push_back(*s);
  }
  return out;
}

const std::vector<std::string> kTasks = {"majority5", "edge_detect", "abs_diff8"};

}  // namespace

TEST(SynthRun, PpaModeStoresPpaForEveryPassingSample) {
  auto dir = TempDir::create("ppa-run");
  ASSERT_TRUE(dir.ok());
  auto tasks = coreTasks(kTasks);
  ASSERT_EQ(tasks.size(), kTasks.size());
  registerPpaMode();
  RunOptions o = referenceRun(tasks, (dir->path() / "run").string());
  o.modes = {ModeId::Ppa};
  o.ppa.useCache = false;
  auto summary = runBenchmark(o);
  ASSERT_TRUE(summary.ok()) << summary.error().describe();
  ASSERT_EQ(summary->verdicts["pass"], static_cast<int>(kTasks.size()));
  ASSERT_EQ(summary->modeReports.size(), 1u);
  EXPECT_EQ(summary->modeReports[0].name, "ppa");

  auto entries = storedPpa(o.outDir);
  ASSERT_EQ(entries.size(), kTasks.size());
  for (const auto& e : entries) {
    EXPECT_TRUE(e.scored) << e.taskId << ": " << e.candidate.message << e.reference.message;
    EXPECT_EQ(e.candidate.activitySource, "simulation") << e.taskId << ": " << e.candidate.activityNote;
    EXPECT_DOUBLE_EQ(e.ratios.area, 1.0) << e.taskId;
    EXPECT_DOUBLE_EQ(e.ratios.delay, 1.0) << e.taskId;
    EXPECT_DOUBLE_EQ(e.ratios.power, 1.0) << e.taskId;
  }
  auto store = Store::open(fs::path(o.outDir) / "results.sqlite");
  ASSERT_TRUE(store.ok());
  auto ppa = loadPpaSummary(**store);
  ASSERT_TRUE(ppa.ok());
  EXPECT_EQ(ppa->scoredTasks, static_cast<int>(kTasks.size()));
  EXPECT_EQ(ppa->humanSurpassing, 0);
  EXPECT_DOUBLE_EQ(ppa->geomean.score(), 1.0);
}

TEST(SynthRun, ResumingWithPpaAddsItToARunMadeWithoutIt) {
  auto dir = TempDir::create("ppa-backfill");
  ASSERT_TRUE(dir.ok());
  auto tasks = coreTasks({"majority5"});
  RunOptions o = referenceRun(tasks, (dir->path() / "run").string());
  ASSERT_TRUE(runBenchmark(o).ok());
  EXPECT_TRUE(storedPpa(o.outDir).empty());
  registerPpaMode();
  o.modes = {ModeId::Ppa};
  o.ppa.useCache = false;
  o.ppa.simulationActivity = false;
  auto resumed = runBenchmark(o);
  ASSERT_TRUE(resumed.ok()) << resumed.error().describe();
  EXPECT_EQ(resumed->evaluated, 0);  // the native verdict is reused
  auto entries = storedPpa(o.outDir);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].candidate.activitySource, "default");
}

TEST(SynthRun, TaskClockPeriodComesFromOverrideTaskJsonOrDefault) {
  auto dir = TempDir::create("ppa-period");
  ASSERT_TRUE(dir.ok());
  ASSERT_TRUE(writeFile(dir->path() / "task.json", R"({"id": "x", "ppa": {"clock_period_ns": 4}})").ok());
  Task t;
  t.dir = dir->path().string();
  PpaRunOptions o;
  EXPECT_DOUBLE_EQ(taskClockPeriod(t, o), 4.0);
  o.clockPeriodOverride = 2.5;
  EXPECT_DOUBLE_EQ(taskClockPeriod(t, o), 2.5);
  Task plain;
  EXPECT_DOUBLE_EQ(taskClockPeriod(plain, PpaRunOptions{}), 10.0);
}

TEST(SynthCli, SynthPrintsTheDocumentedJson) {
  ProcessSpec spec;
  spec.argv = {RTLARENA_BINARY, "synth", std::string(SYNTH_DESIGNS) + "/counter8.v", "--top", "counter8",
               "--clock-period", "5", "--json", "--no-cache"};
  spec.workDir = fs::temp_directory_path().string();
  spec.env = defaultToolEnv(spec.workDir);
  spec.deadline = std::chrono::milliseconds(120000);
  auto p = runProcess(spec);
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->exitCode, 0) << p->combined();
  auto j = nlohmann::json::parse(p->out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << p->out;
  for (const char* k : {"area_um2", "cells", "delay_ns", "slack_ns", "fmax_mhz", "power_uw"})
    EXPECT_TRUE(j.contains(k)) << k;
  EXPECT_GT(j["area_um2"].get<double>(), 0);
  EXPECT_DOUBLE_EQ(j["clock_period_ns"].get<double>(), 5.0);
}

TEST(SynthCli, SynthOfAnUnsynthesizableDesignExitsOne) {
  ProcessSpec spec;
  spec.argv = {RTLARENA_BINARY, "synth", std::string(SYNTH_DESIGNS) + "/latch.v", "--no-cache"};
  spec.workDir = fs::temp_directory_path().string();
  spec.env = defaultToolEnv(spec.workDir);
  spec.deadline = std::chrono::milliseconds(120000);
  auto p = runProcess(spec);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->exitCode, 1) << p->combined();
  EXPECT_NE(p->out.find("unsynthesizable (latch)"), std::string::npos) << p->out;
}

TEST(SynthCli, RunWithPpaAddsPpaToTheJsonSummary) {
  auto dir = TempDir::create("ppa-cli-run");
  ASSERT_TRUE(dir.ok());
  ProcessSpec spec;
  spec.argv = {RTLARENA_BINARY, "run", "--suite", "core", "--task", "majority5", "--task", "edge_detect",
               "--model", "reference", "--ppa", "--ppa-no-cache", "--json", "--no-progress",
               "--out", (dir->path() / "run").string()};
  spec.workDir = dir->path().string();
  spec.env = defaultToolEnv(spec.workDir);
  spec.deadline = std::chrono::milliseconds(300000);
  auto p = runProcess(spec);
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->exitCode, 0) << p->combined();
  auto j = nlohmann::json::parse(p->out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << p->out;
  ASSERT_TRUE(j.contains("ppa")) << p->out;
  EXPECT_EQ(j["ppa"]["scored"], 2);
  EXPECT_EQ(j["ppa"]["human_surpassing"], 0);
  EXPECT_DOUBLE_EQ(j["ppa"]["score"].get<double>(), 1.0);
  ASSERT_EQ(j["ppa"]["tasks"].size(), 2u);
  EXPECT_TRUE(j["ppa"]["tasks"][0].contains("area_ratio"));
}
