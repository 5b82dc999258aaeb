// The native mode: the task's testbench on the run's simulator, the candidate policy first.
// Its verdicts are the ones pass@k is made of; the other modes come after it or beside it.
#include "modes.h"

namespace rtlarena {

namespace {

class NativeMode final : public EvalMode {
 public:
  explicit NativeMode(const EvalOptions& options) : checked_(options), trusted_(withoutPolicy(options)) {}
  ModeId id() const override { return ModeId::Native; }
  std::string_view name() const override { return kNativeMode; }

  std::optional<ModeJob> job(const Task& task, const Subject& subject, const ModeResult*) const override {
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
      e.cls = s.finishReason == "length" || s.extractMethod == "truncated" ? "truncated" : "none";
      e.message = e.cls == "truncated" ? "the answer was cut off before the module ended"
                                       : "no Verilog module was found in the answer";
      job.settled = e;
    }
    job.input = s.code;
    return job;
  }

  ModeResult evaluate(const Task& task, const ModeJob& job, const ModeResult*) const override {
    SimOutcome outcome;
    outcome.simulator.clear();
    ModeResult r;
    r.eval = (job.trusted ? trusted_ : checked_).evaluate(task, job.input, &outcome);
    if (!outcome.simulator.empty()) r.outcome = std::move(outcome);  // it simulated
    return r;
  }

 private:
  static EvalOptions withoutPolicy(EvalOptions o) {
    o.policyCheck = false;
    return o;
  }
  Evaluator checked_;  ///< model code: the policy check first
  Evaluator trusted_;  ///< the dataset's own code, when the policy objects to it
};

}  // namespace

Result<std::unique_ptr<EvalMode>> makeNativeMode(const ModeConfig& config) {
  return std::unique_ptr<EvalMode>(std::make_unique<NativeMode>(config.eval));
}

}  // namespace rtlarena
