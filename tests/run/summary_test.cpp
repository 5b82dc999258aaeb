// The run summary read from a store: harness_error and llm_error are not samples of the model
// (left out of every score, counted apart), and the text tables line up.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/core/text.h"
#include "rtlarena/run/eval_mode.h"
#include "rtlarena/run/run_store.h"
#include "rtlarena/run/summary.h"
#include "rtlarena/run/text_table.h"
#include "rtlarena/store/store.h"

namespace rtlarena {
namespace {

EvalRecord row(const std::string& id, int sample, const std::string& mode, Verdict v, const std::string& code = "") {
  EvalRecord r;
  r.taskId = id;
  r.sample = sample;
  r.mode = mode;
  r.eval.verdict = v;
  r.eval.compatCode = code;
  return r;
}

struct StoreFixture : ::testing::Test {
  void SetUp() override {
    auto d = TempDir::create("summary");
    ASSERT_TRUE(d.ok());
    dir = std::make_unique<TempDir>(std::move(*d));
    auto s = Store::open(dir->path() / "results.sqlite");
    ASSERT_TRUE(s.ok()) << s.error().message;
    store = std::move(*s);
  }
  void put(const EvalRecord& r) { ASSERT_TRUE(store->putEvaluation(r).ok()); }
  std::unique_ptr<TempDir> dir;
  std::unique_ptr<Store> store;
};

TEST_F(StoreFixture, IncompleteSamplesAreLeftOutOfEveryScoreAndCounted) {
  ASSERT_TRUE(store->putExtra("task", "a", R"({"tags": ["comb"], "difficulty": "easy"})").ok());
  ASSERT_TRUE(store->putExtra("task", "b", R"({"tags": ["comb"], "difficulty": "easy"})").ok());
  ASSERT_TRUE(store->putExtra("task", "c", R"({"tags": ["seq"], "difficulty": "hard"})").ok());
  put(row("a", 0, "native", Verdict::Pass));
  put(row("a", 1, "native", Verdict::HarnessError));  // a's n is 1, not 2
  put(row("b", 0, "native", Verdict::LlmError));      // b has no complete sample
  put(row("b", 1, "native", Verdict::LlmError));
  put(row("c", 0, "native", Verdict::Mismatch));
  put(row("c", 1, "native", Verdict::Pass));

  auto s = summarizeRun(*store);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->samples, 6);
  EXPECT_EQ(s->completeSamples, 3);
  EXPECT_EQ(s->incomplete.harnessError, 1);
  EXPECT_EQ(s->incomplete.llmError, 2);
  EXPECT_EQ(s->unscoredTasks, std::vector<std::string>{"b"});
  EXPECT_EQ(s->score.tasks, 2);
  EXPECT_DOUBLE_EQ(s->passAt.at(1), (1.0 + 0.5) / 2);
  EXPECT_FALSE(s->passAt.count(2));  // a has one complete sample
  EXPECT_DOUBLE_EQ(s->score.byTag.at("comb").at(1), 1.0);
  EXPECT_DOUBLE_EQ(s->score.byDifficulty.at("hard").at(1), 0.5);
  EXPECT_EQ(s->verdicts.at("harness_error"), 1);  // still shown among the verdicts
  for (const auto& [cls, n] : s->failureClasses) {
    EXPECT_FALSE(startsWith(cls, "harness_error")) << cls;
    EXPECT_FALSE(startsWith(cls, "llm_error")) << cls;
  }
  EXPECT_TRUE(s->hasIncomplete());
  const std::string note = incompleteNote(*s);
  EXPECT_NE(note.find("3 sample(s) incomplete"), std::string::npos) << note;
  EXPECT_NE(note.find("run the same command again"), std::string::npos) << note;
  EXPECT_NE(note.find("--retry-errors"), std::string::npos) << note;

  auto j = nlohmann::json::parse(summaryJson(*s));
  EXPECT_EQ(j["complete_samples"], 3);
  EXPECT_EQ(j["incomplete"]["harness_error"], 1);
  EXPECT_EQ(j["incomplete"]["llm_error"], 2);
  EXPECT_EQ(j["samples"], 6);
}

TEST_F(StoreFixture, CompatScoreAndControlsCountOnlyCompleteRows) {
  put(row("a", 0, "native", Verdict::Pass));
  put(row("a", 0, kCompatMode, Verdict::Pass, "."));
  put(row("a", 1, kCompatMode, Verdict::HarnessError, "?"));  // int(1/1*100), not int(1/2*100)
  put(row("a", 0, "golden", Verdict::Pass));
  put(row("b", 0, "golden", Verdict::HarnessError));
  put(row("a", 0, "control", Verdict::Mismatch));
  auto s = summarizeRun(*store);
  ASSERT_TRUE(s.ok()) << s.error().message;
  ASSERT_TRUE(s->verilogEvalScore.has_value());
  EXPECT_DOUBLE_EQ(*s->verilogEvalScore, 100.0);
  EXPECT_FALSE(s->compatCodes.count("?"));
  EXPECT_DOUBLE_EQ(s->goldenCeiling.at("native"), 1.0);
  EXPECT_DOUBLE_EQ(s->negativeControl.at("native"), 0.0);
  EXPECT_EQ(s->incompleteOtherModes.at(kCompatMode), 1);
  EXPECT_EQ(s->incompleteOtherModes.at("golden"), 1);
  EXPECT_TRUE(s->hasIncomplete());
  EXPECT_FALSE(s->incomplete.total() > 0);
}

TEST_F(StoreFixture, ACompleteRunHasNoIncompleteNote) {
  put(row("a", 0, "native", Verdict::Pass));
  auto s = summarizeRun(*store);
  ASSERT_TRUE(s.ok());
  EXPECT_FALSE(s->hasIncomplete());
  EXPECT_EQ(incompleteNote(*s), "");
}

// Every line of a table puts its columns at the same offsets, whatever the cell widths.
TEST(TextTable, ColumnsLineUp) {
  TextTable t({"metric", "pass@1"});
  t.add({"overall", "100.0%"});
  t.add({"difficulty medium", "5.0%"});
  const std::string text = t.render();
  auto lines = splitLines(text);
  ASSERT_EQ(lines.size(), 3u);
  for (const auto& l : lines) EXPECT_EQ(l.size(), lines[0].size()) << l;
  EXPECT_EQ(lines[0], "  metric             pass@1");
  EXPECT_EQ(lines[2], "  difficulty medium    5.0%");
}

TEST_F(StoreFixture, SummaryTextAlignsTheScoreTable) {
  ASSERT_TRUE(store->putExtra("task", "a", R"({"tags": ["a_long_tag_name"], "difficulty": "medium"})").ok());
  put(row("a", 0, "native", Verdict::Pass));
  auto s = summarizeRun(*store);
  ASSERT_TRUE(s.ok());
  const std::string text = summaryText(*s);
  std::size_t at = text.find("pass@1");
  ASSERT_NE(at, std::string::npos) << text;
  const std::size_t lineStart = text.rfind('\n', at) + 1;
  const std::size_t column = at - lineStart + std::string("pass@1").size();  // right edge of the column
  for (const char* name : {"overall", "difficulty medium", "tag a_long_tag_name"}) {
    std::size_t p = text.find("  " + std::string(name));
    ASSERT_NE(p, std::string::npos) << name << "\n" << text;
    std::size_t pct = text.find('%', p);
    EXPECT_EQ(pct - (text.rfind('\n', p) + 1) + 1, column) << name << "\n" << text;
  }
}

// The end of the run summary: the failed tasks, the worst first, and the stage pass rates.
TEST(TaskOutcomes, FailedTasksComeWorstFirstWithTheirReason) {
  auto with = [](const std::string& id, int sample, Verdict v, const std::string& cls, const std::string& msg) {
    EvalRecord r = row(id, sample, "native", v);
    r.eval.cls = cls;
    r.eval.message = msg;
    return r;
  };
  std::vector<EvalRecord> rows = {
      with("half", 0, Verdict::Pass, "", ""),
      with("half", 1, Verdict::Mismatch, "", "3 mismatches in 50 samples\nmore"),
      with("syntax", 0, Verdict::SyntaxError, "", "syntax error at line 3"),
      with("syntax", 1, Verdict::SyntaxError, "", "syntax error at line 3"),
      with("wrong", 0, Verdict::Mismatch, "", "50 mismatches"),
      with("wrong", 1, Verdict::Mismatch, "", "50 mismatches"),
      with("good", 0, Verdict::Pass, "", ""),
      with("good", 1, Verdict::Pass, "", ""),
      with("lost", 0, Verdict::LlmError, "", "connection failed"),
  };
  RunSummary s;
  summarizeTasks(rows, s);
  ASSERT_EQ(s.taskOutcomes.size(), 5u);
  EXPECT_EQ(s.taskOutcomes[0].task, "syntax");  // 0 of 2, failed at the earliest stage
  EXPECT_EQ(s.taskOutcomes[1].task, "wrong");   // 0 of 2, mismatch
  EXPECT_EQ(s.taskOutcomes[2].task, "half");
  EXPECT_EQ(s.taskOutcomes[2].reason, "3 mismatches in 50 samples");
  EXPECT_EQ(s.taskOutcomes[3].task, "good");
  EXPECT_EQ(s.taskOutcomes[4].task, "lost");    // no complete sample: last
  EXPECT_DOUBLE_EQ(s.stageRates["syntax"], 0.75);
  EXPECT_DOUBLE_EQ(s.stageRates["compile"], 0.75);
  EXPECT_DOUBLE_EQ(s.stageRates["functional"], 0.375);
  const std::string text = summaryText(s);
  const auto table = text.find("failed task");
  ASSERT_NE(table, std::string::npos) << text;
  EXPECT_LT(text.find("syntax_error", table), text.find("half", table)) << text;
  EXPECT_EQ(text.find("good", table), std::string::npos) << text;  // passed: only with --per-task
  EXPECT_NE(summaryText(s, true).find("good"), std::string::npos);
}

}  // namespace
}  // namespace rtlarena
