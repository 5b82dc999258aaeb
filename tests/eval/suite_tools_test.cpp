// Every built-in task: its reference passes and every known-bad variant fails, through the
// real evaluator (policy check, sandbox, Icarus).
#include <gtest/gtest.h>

#include "rtlarena/eval/evaluator.h"
#include "rtlarena/tasks/suite.h"

namespace rtlarena {
namespace {

std::vector<std::string> coreTaskIds() {
  std::vector<std::string> ids;
  auto tasks = loadSuite("core");
  if (tasks)
    for (const auto& t : *tasks) ids.push_back(t.id);
  return ids;
}

TEST(CoreSuite, LoadsAndIsLargeAndBalanced) {
  auto tasks = loadSuite("core");
  ASSERT_TRUE(tasks.ok()) << tasks.error().message;
  EXPECT_GE(tasks->size(), 60u);
  std::map<std::string, int> levels;
  for (const auto& t : *tasks) {
    levels[t.difficulty]++;
    EXPECT_GE(t.badVariants.size(), 2u) << t.id;
  }
  for (const char* level : {"easy", "medium", "hard"}) EXPECT_GE(levels[level], 15) << level;
}

class CoreTask : public ::testing::TestWithParam<std::string> {};

TEST_P(CoreTask, ReferencePassesAndEveryBadVariantFails) {
  auto task = loadTaskDir(datasetsRoot() / "core" / GetParam(), "core");
  ASSERT_TRUE(task.ok()) << task.error().message;
  Evaluator ev(EvalOptions{});
  Evaluation ref = ev.evaluate(*task, task->goldenCandidate);
  EXPECT_EQ(ref.verdict, Verdict::Pass) << ref.message << "\n" << ref.logTail;
  ASSERT_GE(task->badVariants.size(), 2u);
  for (const auto& bad : task->badVariants) {
    Evaluation e = ev.evaluate(*task, bad.text);
    EXPECT_NE(e.verdict, Verdict::Pass) << bad.name;
    EXPECT_NE(e.verdict, Verdict::HarnessError) << bad.name << ": " << e.message;
    EXPECT_NE(e.verdict, Verdict::PolicyViolation) << bad.name << ": " << e.message;
  }
}

INSTANTIATE_TEST_SUITE_P(Core, CoreTask, ::testing::ValuesIn(coreTaskIds()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace rtlarena
