// The differential mode: each sample the testbench could judge (the policy passed, it compiled)
// is run again on a bench generated from the reference's ports (eval/differential.h): many
// random stimulus sequences, every output compared each cycle. The bench goes through the same
// Evaluator as the native mode, so the policy, the isolation of the bench and the hierarchy
// check hold unchanged; the verdict's samples are sequences, its mismatches the sequences that
// differed. A sample the native mode refused keeps its native verdict.
#include <map>
#include <mutex>

#include "modes.h"
#include "rtlarena/eval/differential.h"

namespace rtlarena {

namespace {

class DifferentialMode final : public EvalMode {
 public:
  DifferentialMode(const EvalOptions& options, DifferentialSettings settings)
      : evaluator_(options), settings_(settings) {}
  ModeId id() const override { return ModeId::Differential; }
  std::string_view name() const override { return kDifferentialMode; }
  std::optional<ModeId> after() const override { return ModeId::Native; }

  // Every task's bench can be written: a port the generator cannot size is refused now.
  Status check(const std::vector<Task>& tasks) const override {
    for (const auto& t : tasks) {
      if (isFormalKind(t.kind)) return makeError(ErrorCode::BadArgument, "task '" + t.id + "' is judged formally: no differential judge");
      if (auto d = derived(t); !d) return d.error();
    }
    return Ok{};
  }

  std::optional<ModeJob> job(const Task&, const Subject& subject, const ModeResult* native) const override {
    if (!native) return std::nullopt;
    ModeJob job;
    job.input = subject.record.code;
    job.trusted = subject.trusted();
    if (!judgeableAfterNative(native->eval)) job.settled = native->eval;  // refused or does not compile
    return job;
  }

  ModeResult evaluate(const Task& task, const ModeJob& job, const ModeResult*) const override {
    ModeResult r;
    auto d = derived(task);
    if (!d) {
      r.eval.verdict = Verdict::HarnessError;
      r.eval.message = d.error().message;
      return r;
    }
    r.eval = evaluator_.evaluate(**d, job.input);
    explainDifferential(r.eval);
    return r;
  }

 private:
  // The task with its generated bench, made once per task.
  Result<const Task*> derived(const Task& task) const {
    std::lock_guard lock(mutex_);
    if (auto it = tasks_.find(task.id); it != tasks_.end()) return &it->second;
    auto t = differentialTask(task, settings_);
    if (!t) return t.error();
    return &tasks_.emplace(task.id, std::move(*t)).first->second;
  }

  Evaluator evaluator_;
  DifferentialSettings settings_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, Task> tasks_;
};

}  // namespace

Result<std::unique_ptr<EvalMode>> makeDifferentialMode(const ModeConfig& config) {
  return std::unique_ptr<EvalMode>(std::make_unique<DifferentialMode>(config.eval, config.differential));
}

}  // namespace rtlarena
