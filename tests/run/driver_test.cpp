// The run driver with fakes at its seams: a fake native mode (the verdict is written in the
// code), a fake downstream mode, the built-in reference and replay providers. No simulator
// runs, so these pin the pipeline itself: sharing of identical inputs, resume, incomplete
// samples and their retry, the order of modes, and the controls' policy rule.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/core/text.h"
#include "rtlarena/run/run_driver.h"
#include "rtlarena/store/store.h"

namespace rtlarena {
namespace {

namespace fs = std::filesystem;

// Counts every evaluation by input, so a test can say what was evaluated and how often.
struct Ledger {
  std::mutex mutex;
  std::map<std::string, int> calls;
  std::map<std::string, int> trustedCalls;
  bool failFlaky = false;  ///< inputs marked FLAKY fail as rtlarena's own failure
  int total() {
    std::lock_guard lock(mutex);
    int n = 0;
    for (const auto& [k, v] : calls) n += v;
    return n;
  }
};

// The native mode's contract without a simulator: "PASS" in the code passes, "FORBIDDEN" is a
// policy violation unless trusted, anything else is a mismatch.
class FakeNativeMode final : public EvalMode {
 public:
  explicit FakeNativeMode(Ledger& ledger) : ledger_(ledger) {}
  ModeId id() const override { return ModeId::Native; }
  std::string_view name() const override { return kNativeMode; }
  std::optional<ModeJob> job(const Task&, const Subject& subject, const ModeResult*) const override {
    ModeJob job;
    if (subject.record.llmError) {
      Evaluation e;
      e.verdict = Verdict::LlmError;
      job.settled = e;
    } else if (subject.record.code.empty()) {
      Evaluation e;
      e.verdict = Verdict::NoCode;
      job.settled = e;
    }
    job.input = subject.record.code;
    return job;
  }
  ModeResult evaluate(const Task&, const ModeJob& job, const ModeResult*) const override {
    ModeResult r;
    {
      std::lock_guard lock(ledger_.mutex);
      (job.trusted ? ledger_.trustedCalls : ledger_.calls)[job.input] += 1;
      if (ledger_.failFlaky && contains(job.input, "FLAKY")) {
        r.eval.verdict = Verdict::HarnessError;
        return r;
      }
    }
    if (contains(job.input, "FORBIDDEN") && !job.trusted) r.eval.verdict = Verdict::PolicyViolation;
    else r.eval.verdict = contains(job.input, "PASS") ? Verdict::Pass : Verdict::Mismatch;
    return r;
  }

 private:
  Ledger& ledger_;
};

// A mode after the native one (in the slot PPA uses): it sees the native result and judges
// only passing samples, storing rows named "fake-after".
class FakeAfterMode final : public EvalMode {
 public:
  explicit FakeAfterMode(Ledger& ledger) : ledger_(ledger) {}
  ModeId id() const override { return ModeId::Ppa; }
  std::string_view name() const override { return "fake-after"; }
  std::optional<ModeId> after() const override { return ModeId::Native; }
  std::optional<ModeJob> job(const Task&, const Subject& subject, const ModeResult* native) const override {
    if (subject.kind != SubjectKind::Sample || !native || !native->eval.passed()) return std::nullopt;
    ModeJob job;
    job.input = subject.record.code;
    return job;
  }
  ModeResult evaluate(const Task&, const ModeJob& job, const ModeResult* native) const override {
    std::lock_guard lock(ledger_.mutex);
    ledger_.calls["after:" + job.input] += 1;
    ModeResult r;
    r.eval.verdict = native && native->eval.passed() ? Verdict::Pass : Verdict::HarnessError;
    return r;
  }

 private:
  Ledger& ledger_;
};

std::unique_ptr<ModeRegistry> fakeRegistry(Ledger& ledger) {
  auto r = std::make_unique<ModeRegistry>();
  r->add(ModeId::Native, [&ledger](const ModeConfig&) -> Result<std::unique_ptr<EvalMode>> {
    return std::unique_ptr<EvalMode>(std::make_unique<FakeNativeMode>(ledger));
  });
  r->add(ModeId::Ppa, [&ledger](const ModeConfig&) -> Result<std::unique_ptr<EvalMode>> {
    return std::unique_ptr<EvalMode>(std::make_unique<FakeAfterMode>(ledger));
  });
  // The real controls mode: it only adds subjects.
  r->add(ModeId::Controls, [](const ModeConfig& c) -> Result<std::unique_ptr<EvalMode>> {
    auto modes = ModeRegistry::global().make({ModeId::Controls}, c);
    if (!modes) return modes.error();
    return std::move(modes->front());
  });
  return r;
}

Task makeTask(const std::string& id, const std::string& marker) {
  Task t;
  t.id = id;
  t.goldenCandidate = "module TopModule(input a, output b);\n  assign b = a; // " + marker + "\nendmodule\n";
  return t;
}

struct DriverTest : ::testing::Test {
  void SetUp() override {
    auto d = TempDir::create("driver");
    ASSERT_TRUE(d.ok());
    dir = std::make_unique<TempDir>(std::move(*d));
    registry = fakeRegistry(ledger);
    options.suite = "fake";
    options.tasks = {makeTask("pass_a", "PASS"), makeTask("pass_b", "PASS"), makeTask("fail_c", "nope")};
    options.provider.spec = "reference";
    options.samplesPerTask = 3;
    options.workers = 2;
    options.outDir = (dir->path() / "run").string();
    options.eval.sandbox.mode = SandboxMode::None;
    options.progress = false;
    options.registry = registry.get();
  }
  std::vector<EvalRecord> rows(const std::string& mode) {
    auto store = Store::openReadOnly(options.outDir);
    EXPECT_TRUE(store.ok());
    if (!store.ok()) return {};
    auto r = (*store)->evaluations(mode);
    EXPECT_TRUE(r.ok());
    return r.ok() ? *r : std::vector<EvalRecord>{};
  }
  Ledger ledger;
  std::unique_ptr<ModeRegistry> registry;
  std::unique_ptr<TempDir> dir;
  RunOptions options;
};

TEST_F(DriverTest, IdenticalCodeOfATaskIsEvaluatedOnce) {
  auto s = runBenchmark(options);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->samples, 9);
  EXPECT_EQ(ledger.total(), 3);  // one per task: the reference answers identically
  EXPECT_EQ(s->evaluated, 3);
  EXPECT_EQ(s->reused, 6);
  EXPECT_DOUBLE_EQ(s->passAt.at(1), 2.0 / 3.0);
  EXPECT_FALSE(s->hasIncomplete());
}

TEST_F(DriverTest, ControlsShareTheEvaluationOfIdenticalSamples) {
  options.modes = {ModeId::Controls};
  auto s = runBenchmark(options);
  ASSERT_TRUE(s.ok()) << s.error().message;
  // Per task: the golden design (also every sample of the reference model) and the empty module.
  EXPECT_EQ(ledger.total(), 6);
  EXPECT_DOUBLE_EQ(s->goldenCeiling.at("native"), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(s->negativeControl.at("native"), 0.0);
  EXPECT_EQ(rows("golden").size(), 3u);
  EXPECT_EQ(rows("control").size(), 3u);
}

// The policy guards against models; a control is the dataset's own code, judged again without it.
TEST_F(DriverTest, AControlThePolicyObjectsToIsJudgedWithoutThePolicy) {
  options.tasks = {makeTask("forbidden", "FORBIDDEN PASS")};
  options.modes = {ModeId::Controls};
  auto s = runBenchmark(options);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->verdicts.at("policy_violation"), 3);  // the model's samples keep the violation
  auto golden = rows("golden");
  ASSERT_EQ(golden.size(), 1u);
  EXPECT_EQ(golden[0].eval.verdict, Verdict::Pass);
  EXPECT_EQ(ledger.trustedCalls.size(), 1u);
}

TEST_F(DriverTest, AResumedRunEvaluatesNothingItHolds) {
  options.modes = {ModeId::Controls, ModeId::Ppa};
  ASSERT_TRUE(runBenchmark(options).ok());
  const int before = ledger.total();
  auto again = runBenchmark(options);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(ledger.total(), before);
  EXPECT_EQ(again->evaluated, 0);
  EXPECT_EQ(again->samples, 9);
  auto run = Store::openReadOnly(options.outDir);
  ASSERT_TRUE(run.ok());
  auto record = (*run)->run();
  ASSERT_TRUE(record.ok() && *record);
  EXPECT_EQ((*record)->status, "complete");
}

TEST_F(DriverTest, ADownstreamModeSeesTheNativeResultAndJudgesOnlyPasses) {
  options.modes = {ModeId::Ppa};
  auto s = runBenchmark(options);
  ASSERT_TRUE(s.ok()) << s.error().message;
  auto after = rows("fake-after");
  EXPECT_EQ(after.size(), 6u);  // the passing samples of pass_a and pass_b
  for (const auto& r : after) {
    EXPECT_NE(r.taskId, "fail_c");
    EXPECT_EQ(r.eval.verdict, Verdict::Pass);
  }
  int afterCalls = 0;
  for (const auto& [input, n] : ledger.calls) afterCalls += startsWith(input, "after:") ? n : 0;
  EXPECT_EQ(afterCalls, 2);  // identical inputs once
}

TEST_F(DriverTest, HarnessErrorsAreIncompleteAndRetriedOnResume) {
  options.tasks.push_back(makeTask("flaky_d", "FLAKY PASS"));
  ledger.failFlaky = true;
  auto first = runBenchmark(options);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->incomplete.harnessError, 3);
  EXPECT_EQ(first->completeSamples, 9);
  EXPECT_TRUE(first->hasIncomplete());  // the CLI exits 6
  EXPECT_EQ(first->score.tasks, 3);     // flaky_d is left out of the mean, not scored 0
  EXPECT_EQ(first->unscoredTasks, std::vector<std::string>{"flaky_d"});
  EXPECT_DOUBLE_EQ(first->passAt.at(1), 2.0 / 3.0);

  ledger.failFlaky = false;
  auto second = runBenchmark(options);
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(second->incomplete.total(), 0);
  EXPECT_FALSE(second->hasIncomplete());
  EXPECT_EQ(second->evaluated, 1);  // flaky_d's one input, shared by its three samples
  EXPECT_EQ(second->reused, 2);
  EXPECT_DOUBLE_EQ(second->passAt.at(1), 3.0 / 4.0);
}

TEST_F(DriverTest, LlmErrorsAreIncompleteAndAskedAgainOnlyWithRetry) {
  const fs::path replay = dir->path() / "answers.jsonl";
  auto write = [&](bool withLast) {
    std::string lines;
    for (const auto& t : options.tasks)
      for (int i = 0; i < 3; ++i) {
        if (!withLast && t.id == "pass_a" && i == 2) continue;  // no answer: llm_error
        nlohmann::json j = {{"task_id", t.id}, {"sample", i}, {"response", "```verilog\n" + t.goldenCandidate + "```\n"}};
        lines += j.dump() + "\n";
      }
    ASSERT_TRUE(writeFile(replay, lines).ok());
  };
  write(false);
  options.provider.spec = "replay:" + replay.string();
  auto first = runBenchmark(options);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->incomplete.llmError, 1);
  EXPECT_TRUE(first->hasIncomplete());
  EXPECT_DOUBLE_EQ(first->passAt.at(1), 2.0 / 3.0);  // pass_a scored on its two answers

  write(true);
  auto plain = runBenchmark(options);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->incomplete.llmError, 1);  // kept without --retry-errors

  options.retryLlmErrors = true;
  auto retried = runBenchmark(options);
  ASSERT_TRUE(retried.ok()) << retried.error().message;
  EXPECT_EQ(retried->incomplete.total(), 0);
  EXPECT_EQ(retried->completeSamples, 9);
  EXPECT_FALSE(retried->hasIncomplete());
}

TEST_F(DriverTest, AModeThatCannotWorkStopsTheRunBeforeAnythingIsStored) {
  registry->add(ModeId::Ppa, [](const ModeConfig&) -> Result<std::unique_ptr<EvalMode>> {
    return makeError(ErrorCode::ToolMissing, "yosys is missing");
  });
  options.modes = {ModeId::Ppa};
  auto s = runBenchmark(options);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::ToolMissing);
  EXPECT_FALSE(fs::exists(options.outDir));
}

TEST_F(DriverTest, BothSimulatorsMeanNativeIcarusPlusTheSecondSimulatorMode) {
  options.eval.simulator = SimulatorKind::Both;
  auto [ids, config] = runModes(options);
  EXPECT_TRUE(ids.count(ModeId::Native));
  EXPECT_TRUE(ids.count(ModeId::SecondSimulator));
  EXPECT_EQ(config.eval.simulator, SimulatorKind::Icarus);
}

TEST(StoredRowName, ControlsAreNamedAsOlderRunsStoredThem) {
  EXPECT_EQ(storedRowName(SubjectKind::Sample, "verilogeval"), "verilogeval");
  EXPECT_EQ(storedRowName(SubjectKind::Golden, "native"), "golden");
  EXPECT_EQ(storedRowName(SubjectKind::EmptyModule, "native"), "control");
  EXPECT_EQ(storedRowName(SubjectKind::Golden, "verilogeval"), "golden-verilogeval");
  EXPECT_EQ(storedRowName(SubjectKind::EmptyModule, "verilogeval"), "control-verilogeval");
}

}  // namespace
}  // namespace rtlarena
