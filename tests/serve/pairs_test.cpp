// Preference pairs from a stored run: a pass over a failure (closest failures
// first), among passes the better PPA by a margin, identical answers never
// paired, incomplete samples left out, the per-task limit, and the store left
// untouched.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/serve/preference_pairs.h"
#include "rtlarena/store/store.h"

namespace rtlarena {
namespace {

struct RunFixture {
  RunFixture() {
    auto d = TempDir::create("pairs");
    EXPECT_TRUE(d.ok());
    dir = std::make_unique<TempDir>(std::move(*d));
    auto s = Store::open(dir->path() / "results.sqlite");
    EXPECT_TRUE(s.ok());
    store = std::move(*s);
    RunRecord run;
    run.runId = "r";
    run.suite = "core";
    run.model = "m";
    EXPECT_TRUE(store->createRun(run).ok());
  }
  void add(const std::string& task, int sample, const std::string& answer, Verdict v, std::int64_t mismatches = -1,
           std::optional<double> ppa = std::nullopt, bool withPrompt = true) {
    SampleRecord s;
    s.taskId = task;
    s.sample = sample;
    s.rawAnswer = answer;
    s.code = answer;
    s.promptJson =
        nlohmann::json::array({{{"role", "system"}, {"content", "sys"}}, {{"role", "user"}, {"content", "spec of " + task}}})
            .dump();
    if (!withPrompt) s.promptJson = "[]";  // as the replay provider stores it
    ASSERT_TRUE(store->putSample(s).ok());
    EvalRecord e;
    e.taskId = task;
    e.sample = sample;
    e.eval.verdict = v;
    e.eval.mismatches = mismatches;
    e.eval.samples = 50;
    ASSERT_TRUE(store->putEvaluation(e).ok());
    if (ppa) {
      nlohmann::json j = {{"task", task}, {"sample", sample}, {"scored", true}, {"score", *ppa}};
      ASSERT_TRUE(store->putExtra("ppa", task + "/" + std::to_string(sample), j.dump()).ok());
    }
  }
  std::unique_ptr<TempDir> dir;
  std::unique_ptr<Store> store;
};

TEST(Pairs, PassOverFailureClosestFailureFirst) {
  RunFixture run;
  run.add("t", 0, "pass A", Verdict::Pass);
  run.add("t", 1, "compile error", Verdict::CompileError);
  run.add("t", 2, "almost", Verdict::Mismatch, 2);
  run.add("t", 3, "harness broke", Verdict::HarnessError);
  run.add("u", 0, "fail only", Verdict::Mismatch, 5);
  run.store.reset();
  auto pairs = preferencePairs(run.dir->path(), {});
  ASSERT_TRUE(pairs.ok()) << pairs.error().message;
  ASSERT_EQ(pairs->size(), 2u);
  EXPECT_EQ((*pairs)[0].chosen, "pass A");
  EXPECT_EQ((*pairs)[0].rejected, "almost");
  EXPECT_EQ((*pairs)[0].reason, "pass over mismatch");
  EXPECT_EQ((*pairs)[0].prompt, "spec of t");
  EXPECT_EQ((*pairs)[1].rejected, "compile error");
  auto j = nlohmann::json::parse(pairToJson((*pairs)[0]));
  for (const char* k : {"prompt", "chosen", "rejected", "task_id", "reason"}) EXPECT_TRUE(j.contains(k)) << k;
}

TEST(Pairs, BetterPpaAmongPassesAndThePerTaskLimit) {
  RunFixture run;
  run.add("t", 0, "small", Verdict::Pass, 0, 0.6);
  run.add("t", 1, "large", Verdict::Pass, 0, 1.2);
  run.add("t", 2, "like small", Verdict::Pass, 0,
          0.61);                                    // within the margin of "small"
  run.add("t", 3, "small", Verdict::Pass, 0, 0.6);  // identical to sample 0
  run.store.reset();
  auto pairs = preferencePairs(run.dir->path(), {});
  ASSERT_TRUE(pairs.ok());
  for (const auto& p : *pairs) {
    EXPECT_NE(p.chosen, p.rejected);
    EXPECT_EQ(p.rejected, "large") << p.reason;
    EXPECT_EQ(p.reason.rfind("ppa ", 0), 0u);
  }
  EXPECT_GE(pairs->size(), 2u);
  PairOptions one;
  one.perTask = 1;
  auto limited = preferencePairs(run.dir->path(), one);
  ASSERT_TRUE(limited.ok());
  EXPECT_EQ(limited->size(), 1u);
  EXPECT_EQ((*limited)[0].chosen, "small");
}

TEST(Pairs, ARunWithoutStoredPromptsGetsThePromptRunWouldRender) {
  RunFixture run;
  run.add("popcount8", 0, "right", Verdict::Pass, 0, std::nullopt, false);
  run.add("popcount8", 1, "wrong", Verdict::Mismatch, 3, std::nullopt, false);
  run.store.reset();
  auto pairs = preferencePairs(run.dir->path(), {});
  ASSERT_TRUE(pairs.ok());
  ASSERT_EQ(pairs->size(), 1u);
  EXPECT_NE((*pairs)[0].prompt.find("TopModule"), std::string::npos) << (*pairs)[0].prompt;
}

TEST(Pairs, AFolderWithoutARunIsRefusedAndNothingIsCreated) {
  auto d = TempDir::create("pairs-empty");
  ASSERT_TRUE(d.ok());
  auto pairs = preferencePairs(d->path(), {});
  ASSERT_FALSE(pairs.ok());
  EXPECT_NE(pairs.error().message.find("not a run directory"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(d->path() / "results.sqlite"));
}

}  // namespace
}  // namespace rtlarena
