// Mutation analysis on our fixtures: a deliberately weak testbench scores low, an exhaustive one
// high; an equivalent mutant is recognised and set aside, not counted as a survivor.
#include <gtest/gtest.h>

#include "rtlarena/mutate/mutation_analysis.h"
#include "rtlarena/tasks/suite.h"

using namespace rtlarena;
using namespace rtlarena::mutate;

namespace {

TaskMutation analyse(const std::string& id, int mutants) {
  auto task = loadTaskDir(std::string(EQUIV_FIXTURES) + "/" + id, "fixtures");
  EXPECT_TRUE(task) << task.error().message;
  MutateOptions o;
  o.mutants = mutants;
  o.seed = 1;
  o.jobs = 2;
  o.eval.sandbox.mode = SandboxMode::None;
  o.equiv.sandbox.mode = SandboxMode::None;
  o.equiv.timeout = std::chrono::seconds(60);
  auto results = analyseMutants({*task}, o);
  EXPECT_EQ(results.size(), 1u);
  return results.front();
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
