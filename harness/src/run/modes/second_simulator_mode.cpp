// The second-simulator mode (`--sim both`): every sample also under Verilator, so a verdict
// that depends on the simulator (a race, an X-dependent design or testbench) shows up as a
// disagreement with the native Icarus verdict. Controls are not run twice.
#include "modes.h"

namespace rtlarena {

namespace {

class SecondSimulatorMode final : public EvalMode {
 public:
  explicit SecondSimulatorMode(EvalOptions options) : evaluator_(verilator(std::move(options))) {}
  ModeId id() const override { return ModeId::SecondSimulator; }
  std::string_view name() const override { return kSecondSimulatorMode; }

  std::optional<ModeJob> job(const Task&, const Subject& subject, const ModeResult*) const override {
    if (subject.kind != SubjectKind::Sample) return std::nullopt;
    const SampleRecord& s = subject.record;
    ModeJob job;
    if (s.code.empty() || s.llmError) {
      Evaluation e;
      e.verdict = s.llmError ? Verdict::LlmError : Verdict::NoCode;
      e.simulator = "verilator";
      job.settled = e;
    }
    job.input = s.code;
    return job;
  }

  ModeResult evaluate(const Task& task, const ModeJob& job, const ModeResult*) const override {
    ModeResult r;
    r.eval = evaluator_.evaluate(task, job.input);
    return r;
  }

 private:
  static EvalOptions verilator(EvalOptions o) {
    o.simulator = SimulatorKind::Verilator;
    return o;
  }
  Evaluator evaluator_;
};

}  // namespace

Result<std::unique_ptr<EvalMode>> makeSecondSimulatorMode(const ModeConfig& config) {
  return std::unique_ptr<EvalMode>(std::make_unique<SecondSimulatorMode>(config.eval));
}

}  // namespace rtlarena
