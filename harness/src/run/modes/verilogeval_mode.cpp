// The VerilogEval-compatible mode (`--compat verilogeval`): VerilogEval v2's extraction from the
// raw answer, its compile and run commands and failure codes. It comes after the native mode
// because the native Icarus run of the same source can often stand for its own (see
// verilogEvalFromNativeRun), which saves a compile and a simulation per answer.
#include "modes.h"

#include "rtlarena/eval/verilogeval_compat.h"

namespace rtlarena {

namespace {

class VerilogEvalMode final : public EvalMode {
 public:
  explicit VerilogEvalMode(const EvalOptions& options) : options_(options) {}
  ModeId id() const override { return ModeId::VerilogEval; }
  std::string_view name() const override { return kCompatMode; }
  std::optional<ModeId> after() const override { return ModeId::Native; }

  Status check(const std::vector<Task>& tasks) const override {
    for (const auto& t : tasks)
      if (t.resultRule != ResultRule::MismatchLine || !t.compileReference || t.reference.empty())
        return makeError(ErrorCode::BadArgument,
                         "--compat verilogeval needs tasks with a reference module and a 'Mismatches:' testbench; task '" +
                             t.id + "' (" + t.format + ") has none");
    return Ok{};
  }

  std::optional<ModeJob> job(const Task& task, const Subject& subject, const ModeResult*) const override {
    const SampleRecord& s = subject.record;
    ModeJob job;
    if (s.llmError) {
      Evaluation e;
      e.verdict = Verdict::LlmError;
      e.message = s.llmErrorMessage;
      e.compatCode = "?";
      job.settled = e;
      return job;
    }
    job.input = extractVerilogEval(s.rawAnswer, task.kind, task.interface);
    return job;
  }

  ModeResult evaluate(const Task& task, const ModeJob& job, const ModeResult* native) const override {
    ModeResult r;
    if (native && native->outcome && sameSourceForVerilogEval(job.input, native->input))
      if (auto e = verilogEvalFromNativeRun(task, job.input, *native->outcome)) {
        r.eval = *e;
        r.derived = true;
        return r;
      }
    CompatJob cj{options_.workRoot, options_.sandbox, job.sample, options_.keepJobDirs};
    r.eval = evaluateVerilogEval(task, job.input, cj);
    return r;
  }

 private:
  EvalOptions options_;
};

}  // namespace

Result<std::unique_ptr<EvalMode>> makeVerilogEvalMode(const ModeConfig& config) {
  return std::unique_ptr<EvalMode>(std::make_unique<VerilogEvalMode>(config.eval));
}

}  // namespace rtlarena
