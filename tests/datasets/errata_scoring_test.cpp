// Errata in the scores of a run: native pass@k leaves out what fails on the
// run's simulator, the VerilogEval-compatible score what fails in VerilogEval's
// own harness.
#include <gtest/gtest.h>

#include "rtlarena/core/files.h"
#include "rtlarena/run/eval_mode.h"
#include "rtlarena/run/run_store.h"
#include "rtlarena/run/run_driver.h"
#include "rtlarena/run/summary.h"
#include "rtlarena/store/store.h"
#include "rtlarena/tasks/errata.h"

namespace rtlarena {
namespace {

EvalRecord row(const std::string& id, const std::string& mode, Verdict v, const std::string& code = "") {
  EvalRecord r;
  r.taskId = id;
  r.mode = mode;
  r.eval.verdict = v;
  r.eval.compatCode = code;
  return r;
}

TEST(ErrataScoring, VerilogEvalScoreLeavesOutWhatFailsInItsOwnHarness) {
  auto dir = TempDir::create("errata-score");
  ASSERT_TRUE(dir.ok());
  auto store = Store::open(dir->path() / "results.sqlite");
  ASSERT_TRUE(store.ok()) << store.error().message;
  // lfsr's golden design fails only in VerilogEval's harness (T), gshare's only
  // on Verilator.
  std::vector<Task> tasks(3);
  tasks[0].id = "and3";
  tasks[1].id = "lfsr";
  tasks[2].id = "gshare";
  for (const auto& t : tasks) ASSERT_TRUE((*store)->putEvaluation(row(t.id, "native", Verdict::Pass)).ok());
  ASSERT_TRUE((*store)->putEvaluation(row("and3", kCompatMode, Verdict::Pass, ".")).ok());
  ASSERT_TRUE((*store)->putEvaluation(row("lfsr", kCompatMode, Verdict::SimTimeout, "T")).ok());
  ASSERT_TRUE((*store)->putEvaluation(row("gshare", kCompatMode, Verdict::Pass, ".")).ok());
  Errata errata;
  errata.entries.push_back({"lfsr", "verilogeval", "golden_fails", "VerilogEval code T", true});
  errata.entries.push_back({"gshare", "verilator", "golden_fails", "BLKANDNBLK", true});

  ASSERT_TRUE(storeErrata(**store, errata, tasks, SimulatorKind::Icarus).ok());
  auto summary = summarizeRun(**store);
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  const RunSummary& s = *summary;
  EXPECT_TRUE(s.excludedTasks.empty());  // nothing fails on Icarus
  ASSERT_TRUE(s.verilogEvalScore.has_value());
  EXPECT_NEAR(*s.verilogEvalScore, 200.0 / 3.0, 1e-9);
  ASSERT_TRUE(s.verilogEvalScoreKept.has_value());
  EXPECT_DOUBLE_EQ(*s.verilogEvalScoreKept, 100.0);
  EXPECT_EQ(s.verilogEvalExcludedTasks, std::vector<std::string>{"lfsr"});
}

TEST(ErrataScoring, ASimulatorErratumDoesNotTouchTheVerilogEvalScore) {
  auto dir = TempDir::create("errata-score");
  ASSERT_TRUE(dir.ok());
  auto store = Store::open(dir->path() / "results.sqlite");
  ASSERT_TRUE(store.ok()) << store.error().message;
  std::vector<Task> tasks(2);
  tasks[0].id = "and3";
  tasks[1].id = "gshare";
  ASSERT_TRUE((*store)->putEvaluation(row("and3", "native", Verdict::Pass)).ok());
  ASSERT_TRUE((*store)->putEvaluation(row("gshare", "native", Verdict::CompileError)).ok());
  ASSERT_TRUE((*store)->putEvaluation(row("and3", kCompatMode, Verdict::Pass, ".")).ok());
  ASSERT_TRUE((*store)->putEvaluation(row("gshare", kCompatMode, Verdict::Pass, ".")).ok());
  Errata errata;
  errata.entries.push_back({"gshare", "verilator", "golden_fails", "BLKANDNBLK", true});

  ASSERT_TRUE(storeErrata(**store, errata, tasks, SimulatorKind::Verilator).ok());
  auto summary = summarizeRun(**store);
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  const RunSummary& s = *summary;
  EXPECT_EQ(s.excludedTasks, std::vector<std::string>{"gshare"});
  EXPECT_DOUBLE_EQ(*s.verilogEvalScore, 100.0);
  EXPECT_FALSE(s.verilogEvalScoreKept.has_value());  // VerilogEval's harness lost nothing
  EXPECT_TRUE(s.verilogEvalExcludedTasks.empty());
}

// The errata leave a task out of pass@k; the per-tag and per-difficulty figures stay, over
// the tasks that remain.
TEST(ErrataScoring, ExcludingATaskKeepsPassAtKPerTagAndDifficulty) {
  auto dir = TempDir::create("errata-score");
  ASSERT_TRUE(dir.ok());
  auto store = Store::open(dir->path() / "results.sqlite");
  ASSERT_TRUE(store.ok()) << store.error().message;
  std::vector<Task> tasks(3);
  tasks[0].id = "and3";
  tasks[1].id = "mux2";
  tasks[2].id = "gshare";
  ASSERT_TRUE((*store)->putExtra("task", "and3", R"({"tags": ["comb"], "difficulty": "easy"})").ok());
  ASSERT_TRUE((*store)->putExtra("task", "mux2", R"({"tags": ["comb"], "difficulty": "easy"})").ok());
  ASSERT_TRUE((*store)->putExtra("task", "gshare", R"({"tags": ["seq"], "difficulty": "hard"})").ok());
  ASSERT_TRUE((*store)->putEvaluation(row("and3", "native", Verdict::Pass)).ok());
  ASSERT_TRUE((*store)->putEvaluation(row("mux2", "native", Verdict::Mismatch)).ok());
  ASSERT_TRUE((*store)->putEvaluation(row("gshare", "native", Verdict::CompileError)).ok());
  Errata errata;
  errata.entries.push_back({"gshare", "icarus", "golden_fails", "", true});
  ASSERT_TRUE(storeErrata(**store, errata, tasks, SimulatorKind::Icarus).ok());

  auto s = summarizeRun(**store);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->excludedTasks, std::vector<std::string>{"gshare"});
  EXPECT_DOUBLE_EQ(s->passAt.at(1), 0.5);
  ASSERT_TRUE(s->score.byTag.count("comb"));
  EXPECT_DOUBLE_EQ(s->score.byTag.at("comb").at(1), 0.5);
  EXPECT_FALSE(s->score.byTag.count("seq"));  // its only task is excluded
  ASSERT_TRUE(s->score.byDifficulty.count("easy"));
  EXPECT_DOUBLE_EQ(s->score.byDifficulty.at("easy").at(1), 0.5);
  EXPECT_FALSE(s->score.byDifficulty.count("hard"));
}

}  // namespace
}  // namespace rtlarena
