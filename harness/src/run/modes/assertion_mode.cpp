// The assertion mode: assertion and nl2sva tasks judged by the formal checker (answer_judge.h)
// instead of a testbench. Its rows are the run's "native" rows (the verdicts pass@k is made of:
// Pass when every assertion is proven, or when the nl2sva answer is equivalent to the
// reference); each answer's per-assertion verdicts go beside them as a store extra, which the
// summary part (formal_summary.cpp) reads. Built into the checker's library and registered by
// the `rtlarena` tool, since the harness does not link the checker.
#include "rtlarena/formal/answer_judge.h"
#include "rtlarena/formal/assertion_mode.h"
#include "rtlarena/core/tools.h"
#include "rtlarena/store/store.h"

namespace rtlarena::formal {

namespace {

class AssertionMode final : public EvalMode {
 public:
  explicit AssertionMode(CheckOptions options) : options_(std::move(options)) {}
  ModeId id() const override { return ModeId::Assertion; }
  std::string_view name() const override { return kNativeMode; }

  Status check(const std::vector<Task>& tasks) const override {
    for (const auto& t : tasks)
      if (!isFormalKind(t.kind))
        return makeError(ErrorCode::BadArgument, "task '" + t.id + "' is a " + std::string(taskKindName(t.kind)) +
                                                     " task; a run holds either assertion/nl2sva tasks or design tasks, not both");
    for (const char* tool : {"yosys", "yosys-abc"})
      if (auto found = findTool(tool); !found) return found.error();
    return Ok{};
  }

  std::optional<ModeJob> job(const Task&, const Subject& subject, const ModeResult*) const override {
    const SampleRecord& s = subject.record;
    ModeJob job;
    if (s.llmError) {
      Evaluation e;
      e.verdict = Verdict::LlmError;
      e.message = s.llmErrorMessage;
      job.settled = e;
    } else if (s.code.empty()) {
      Evaluation e;
      e.verdict = Verdict::NoCode;
      e.cls = s.extractMethod == "truncated" || s.finishReason == "length" ? "truncated" : "none";
      e.message = "no assertions were found in the answer";
      job.settled = e;
    }
    job.input = s.code;
    return job;
  }

  ModeResult evaluate(const Task& task, const ModeJob& job, const ModeResult*) const override {
    FormalJudgement j = judgeFormalAnswer(task, job.input, options_);
    ModeResult r;
    r.eval = std::move(j.eval);
    r.payload = std::move(j.detailJson);
    return r;
  }

  Status store(Store& store, const Task& task, const Subject& subject, const ModeResult& result) const override {
    const std::string row = storedRowName(subject.kind, name());
    if (auto s = store.putEvaluation({task.id, subject.record.sample, row, result.eval}); !s) return s;
    if (result.payload.empty()) return Ok{};
    return store.putExtra(kFormalDetailKind, row + ":" + task.id + "#" + std::to_string(subject.record.sample),
                          result.payload);
  }

 private:
  CheckOptions options_;
};

}  // namespace

void registerAssertionMode(ModeRegistry& registry) {
  registry.add(
      ModeId::Assertion,
      [](const ModeConfig& config) -> Result<std::unique_ptr<EvalMode>> {
        CheckOptions o;
        o.sandbox = config.eval.sandbox;
        o.workRoot = config.eval.workRoot;
        o.keepJobDir = config.eval.keepJobDirs;
        o.jobs = 1;  // the run's worker pool already judges answers in parallel
        return std::unique_ptr<EvalMode>(std::make_unique<AssertionMode>(std::move(o)));
      },
      formalSummary);
  registry.add(ModeId::AssertMutants, makeAssertMutantsMode, assertMutantsSummary);
}

}  // namespace rtlarena::formal
