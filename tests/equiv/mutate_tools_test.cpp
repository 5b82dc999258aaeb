// Mutation analysis on our fixtures: a deliberately weak testbench scores low, an exhaustive one
// high; an equivalent mutant is recognised and set aside, not counted as a survivor; a stored
// analysis that was cut short completes without simulating the mutants it already holds.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "rtlarena/core/files.h"
#include "rtlarena/core/text.h"
#include "rtlarena/mutate/mutants.h"
#include "rtlarena/mutate/mutation_analysis.h"
#include "rtlarena/mutate/mutation_store.h"
#include "rtlarena/tasks/dataset.h"
#include "rtlarena/tasks/suite.h"

using namespace rtlarena;
using namespace rtlarena::mutate;

namespace {

Task fixture(const std::string& id) {
  auto task = loadTaskDir(std::string(EQUIV_FIXTURES) + "/" + id, "fixtures");
  EXPECT_TRUE(task) << task.error().message;
  return task ? *task : Task{};
}

TaskMutation analyseTask(const Task& task, int mutants, MutationStore* store = nullptr) {
  MutateOptions o;
  o.mutants = mutants;
  o.seed = 1;
  o.jobs = 2;
  o.eval.sandbox.mode = SandboxMode::None;
  o.equiv.sandbox.mode = SandboxMode::None;
  o.equiv.timeout = std::chrono::seconds(60);
  o.store = store;
  auto results = analyseMutants({task}, o);
  EXPECT_EQ(results.size(), 1u);
  return results.front();
}

TaskMutation analyse(const std::string& id, int mutants, MutationStore* store = nullptr) {
  return analyseTask(fixture(id), mutants, store);
}

}  // namespace

TEST(MutateTools, WeakTestbenchScoresLowStrongHigh) {
  TaskMutation weak = analyse("weak_vote4", 20);
  TaskMutation strong = analyse("strong_vote4", 20);
  ASSERT_TRUE(weak.error.empty()) << weak.error;
  ASSERT_TRUE(strong.error.empty()) << strong.error;
  EXPECT_EQ(weak.mutants, 20);
  EXPECT_EQ(weak.killed + weak.survived + weak.equivalent + weak.errors, weak.mutants);
  EXPECT_LT(weak.killScore(), 0.5);
  EXPECT_GE(strong.killScore(), 0.95);
  EXPECT_EQ(strong.unknown, 0);
  // Survivors of the weak bench are real escapes: the judge found counterexamples.
  int escapes = 0;
  for (const auto& r : weak.results)
    if (r.fate == MutantFate::Survived) {
      ASSERT_TRUE(r.equiv);
      EXPECT_TRUE(r.equiv->counterexample);
      EXPECT_FALSE(r.mutant.description.empty());
      ++escapes;
    }
  EXPECT_GT(escapes, 0);
}

TEST(MutateTools, ATestbenchItsOwnReferenceFailsIsNotScored) {
  // Such a testbench would "kill" every mutant; the task must say why it has no score instead.
  Task task = fixture("strong_vote4");
  auto wrong = readFile(std::string(EQUIV_FIXTURES) + "/strong_vote4/bad/never_yes.sv");
  ASSERT_TRUE(wrong.ok());
  task.goldenCandidate = *wrong;
  TaskMutation t = analyseTask(task, 5);
  EXPECT_NE(t.error.find("the reference does not pass its own testbench"), std::string::npos) << t.error;
  EXPECT_EQ(t.mutants, 0);
  EXPECT_EQ(t.killed, 0);
  EXPECT_LT(t.killScore(), 0);
}

TEST(MutateTools, AMutationYosysCannotApplyIsLeftOutNotTheTask) {
  // On seven_seg_hex's ROM, some listed mutations of memory ports trip an internal assertion of
  // Yosys (kernel/mem.cc); the others must still be made, and the left-out ones named.
  auto task = loadTaskDir(std::string(RTLARENA_SOURCE_DIR) + "/datasets/core/seven_seg_hex", "core");
  ASSERT_TRUE(task) << task.error().message;
  MutantOptions o;
  o.count = 200;
  o.seed = 1;
  o.sandbox.mode = SandboxMode::None;
  std::vector<std::string> unapplied;
  auto made = makeMutants(*task, o, &unapplied);
  ASSERT_TRUE(made) << made.error().message;
  ASSERT_FALSE(unapplied.empty());
  EXPECT_LE(unapplied.size(), made->size() / 10 + 3);
  std::set<int> indices;
  for (const auto& m : *made) {
    EXPECT_FALSE(m.code.empty()) << m.index;
    indices.insert(m.index);
    for (const auto& u : unapplied) EXPECT_NE(m.command, u);
  }
  EXPECT_EQ(indices.size(), made->size());
}

TEST(MutateTools, EquivalentMutantIsSetAside) {
  // The exhaustive bench kills every fault that shows at the ports, so whatever passes it is
  // equivalent; the judge must prove each such mutant and none may count as survived.
  TaskMutation strong = analyse("strong_vote4", 20);
  ASSERT_TRUE(strong.error.empty()) << strong.error;
  EXPECT_GT(strong.equivalent, 0);
  EXPECT_EQ(strong.survived, 0);
  for (const auto& r : strong.results)
    if (r.fate == MutantFate::Equivalent) {
      EXPECT_TRUE(r.equiv && r.equiv->equivalent());
    }
}

TEST(MutateTools, HangingMutantIsKilledByTheSimulationDeadline) {
  // hang_ack's testbench waits for `ack` forever; mutants that break it must end as a timeout
  // (killed) within the task's 2 s simulation limit, not stall the analysis.
  TaskMutation t = analyse("hang_ack", 12);
  ASSERT_TRUE(t.error.empty()) << t.error;
  int timeouts = 0;
  for (const auto& r : t.results)
    if (r.evaluation.verdict == Verdict::SimTimeout) {
      EXPECT_EQ(r.fate, MutantFate::Killed);
      ++timeouts;
    }
  EXPECT_GT(timeouts, 0);
  EXPECT_EQ(t.errors, 0);
}

TEST(MutateTools, AStoredAnalysisResumesWithoutSimulatingFinishedMutants) {
  auto dir = TempDir::create("mutate-store");
  ASSERT_TRUE(dir.ok());
  const std::filesystem::path folder = dir->path() / "mutate__weak";
  const std::string config = R"({"dataset":"fixtures","mutants":6,"seed":1})";
  TaskMutation first;
  {
    auto store = MutationStore::open(folder, config);
    ASSERT_TRUE(store.ok()) << store.error().message;
    first = analyse("weak_vote4", 6, store->get());
    ASSERT_TRUE((*store)->markComplete().ok());
    EXPECT_FALSE((*store)->firstError());
    EXPECT_EQ(first.resumed, 0);
  }
  ASSERT_TRUE(first.error.empty()) << first.error;
  ASSERT_EQ(first.errors, 0);
  auto lines = readFile(folder / kMutantsFile);
  ASSERT_TRUE(lines.ok());
  ASSERT_EQ(splitLines(*lines).size(), 6u);
  auto report = readFile(folder / kReportFile);
  ASSERT_TRUE(report.ok());
  nlohmann::json stored = nlohmann::json::parse(*report);
  EXPECT_EQ(stored["complete"], true);
  EXPECT_EQ(stored["tasks"]["weak_vote4"], nlohmann::json::parse(taskMutationJson(first)));
  for (const auto& r : first.results) {
    const auto code = folder / "survivors" / "weak_vote4" / ("mutant_" + std::to_string(r.mutant.index) + ".v");
    EXPECT_EQ(std::filesystem::exists(code), r.fate == MutantFate::Survived || r.fate == MutantFate::Unknown) << r.mutant.index;
  }

  // As a kill leaves it: three whole records (marked, so a re-simulation would show) and a cut one.
  std::string kept;
  std::vector<int> keptIndexes;
  for (int i = 0; i < 3; ++i) {
    auto j = nlohmann::json::parse(splitLines(*lines)[i]);
    j["message"] = "kept from the first pass";
    keptIndexes.push_back(j["mutant"].get<int>());
    kept += j.dump() + "\n";
  }
  kept += std::string(splitLines(*lines)[3]).substr(0, 40);
  ASSERT_TRUE(writeFile(folder / kMutantsFile, kept).ok());
  std::filesystem::remove(folder / kReportFile);

  auto store = MutationStore::open(folder, config);
  ASSERT_TRUE(store.ok()) << store.error().message;
  TaskMutation second = analyse("weak_vote4", 6, store->get());
  ASSERT_TRUE((*store)->markComplete().ok());
  EXPECT_EQ(second.resumed, 3);
  EXPECT_EQ((*store)->resumedCount(), 3);
  for (const auto& r : second.results) {
    const bool wasKept = std::find(keptIndexes.begin(), keptIndexes.end(), r.mutant.index) != keptIndexes.end();
    EXPECT_EQ(r.evaluation.message == "kept from the first pass", wasKept) << r.mutant.index;
  }
  EXPECT_EQ(second.killed, first.killed);
  EXPECT_EQ(second.survived, first.survived);
  EXPECT_EQ(second.equivalent, first.equivalent);
  lines = readFile(folder / kMutantsFile);
  ASSERT_TRUE(lines.ok());
  EXPECT_EQ(splitLines(*lines).size(), 6u);
  report = readFile(folder / kReportFile);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(nlohmann::json::parse(*report)["tasks"]["weak_vote4"]["kill_score"], first.killScore());

  // A third pass simulates nothing.
  auto again = MutationStore::open(folder, config);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(analyse("weak_vote4", 6, again->get()).resumed, 6);
}

TEST(MutateTools, VerilogEvalReferenceWithAnAlwaysCombLatchIsMutated) {
  // Our VerilogEval v2-format fixture: the reference's always_comb has no default branch. Its
  // mutants must be made and simulated (Yosys used to refuse the reference outright).
  auto tasks = loadDataset("verilogeval2:" + std::string(EQUIV_FIXTURES) + "/../verilogeval2_latch");
  ASSERT_TRUE(tasks) << tasks.error().message;
  ASSERT_EQ(tasks->size(), 1u);
  MutateOptions o;
  o.mutants = 6;
  o.seed = 1;
  o.jobs = 2;
  o.eval.sandbox.mode = SandboxMode::None;
  o.equiv.sandbox.mode = SandboxMode::None;
  o.equiv.timeout = std::chrono::seconds(60);
  auto results = analyseMutants(*tasks, o);
  ASSERT_EQ(results.size(), 1u);
  const TaskMutation& t = results.front();
  ASSERT_TRUE(t.error.empty()) << t.error;
  EXPECT_EQ(t.mutants, 6);
  EXPECT_EQ(t.errors, 0);
  EXPECT_GT(t.killed, 0);
  EXPECT_EQ(t.killed + t.survived + t.equivalent + t.errors, t.mutants);
  for (const auto& r : t.results) {
    EXPECT_NE(r.evaluation.verdict, Verdict::HarnessError) << r.evaluation.message;
    EXPECT_NE(r.mutant.code.find("module TopModule"), std::string::npos);
  }
}
