// The dataset audit with the real tools (tools label): exact lint counts under
// parallel workers, and errata that say why a golden design fails.
#include <gtest/gtest.h>

#include "rtlarena/core/text.h"
#include "rtlarena/eval/audit.h"
#include "rtlarena/tasks/dataset.h"

namespace rtlarena {
namespace {

const std::string kFixtures = std::string(RTLARENA_SOURCE_DIR) + "/tests/datasets/fixtures/";

std::vector<Task> auditFixtures() {
  std::vector<Task> all;
  for (const std::string& spec :
       {"verilogeval2:" + kFixtures + "verilogeval2_quirks/dataset_spec-to-rtl", "rtllm:" + kFixtures + "rtllm_nonansi",
        "verilogeval2:" + kFixtures + "verilogeval2/dataset_spec-to-rtl"}) {
    auto tasks = loadDataset(spec);
    EXPECT_TRUE(tasks.ok()) << spec << ": " << (tasks ? "" : tasks.error().message);
    if (tasks) all.insert(all.end(), tasks->begin(), tasks->end());
  }
  return all;
}

const AuditRow* rowOf(const AuditReport& r, const std::string& id) {
  for (const auto& row : r.rows)
    if (row.taskId == id) return &row;
  ADD_FAILURE() << "no audit row for " << id;
  return nullptr;
}

TEST(Audit, LintCountsAreExactWhileWorkersRunInParallel) {
  const auto tasks = auditFixtures();
  ASSERT_EQ(tasks.size(), 6u);
  AuditOptions o;
  o.simulators = {"icarus"};
  o.compat = false;
  o.control = false;
  o.workers = 2;
  // The count once came from line views into a destroyed temporary and varied
  // run to run.
  for (int round = 0; round < 3; ++round) {
    AuditReport r = auditTasks(tasks, o);
    const AuditRow* watchdog = rowOf(r, "Prob001_watchdog");
    const AuditRow* shift = rowOf(r, "shift4");
    const AuditRow* and3 = rowOf(r, "Prob002_and3");
    ASSERT_TRUE(watchdog && shift && and3);
    EXPECT_EQ(watchdog->lintWarnings, 4) << "round " << round << ": " << watchdog->lintFirst;
    EXPECT_EQ(shift->lintWarnings, 1) << "round " << round << ": " << shift->lintFirst;
    EXPECT_EQ(and3->lintWarnings, 0) << "round " << round;
  }
}

TEST(Audit, AVerilogEvalOnlyFailureIsBlamedOnTheScoringRule) {
  auto tasks = loadDataset("verilogeval2:" + kFixtures + "verilogeval2_quirks/dataset_spec-to-rtl");
  ASSERT_TRUE(tasks.ok()) << tasks.error().message;
  AuditOptions o;
  o.simulators = {"icarus"};
  o.lint = false;
  AuditReport r = auditTasks(*tasks, o);
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_TRUE(r.rows[0].golden.at("icarus").passed());
  EXPECT_EQ(r.rows[0].golden.at("verilogeval").compatCode, "T");
  ASSERT_FALSE(r.rows[0].control->passed());
  ASSERT_EQ(r.errata.entries.size(), 1u);
  const auto& e = r.errata.entries[0];
  EXPECT_EQ(e.simulator, "verilogeval");
  EXPECT_EQ(e.symptom, "golden_fails");
  EXPECT_TRUE(contains(e.detail, "printed by the simulation itself")) << e.detail;
  EXPECT_TRUE(contains(e.detail, "scoring rule")) << e.detail;
  EXPECT_FALSE(contains(e.detail, "race")) << e.detail;
}

}  // namespace
}  // namespace rtlarena
