// The controls mode: the dataset's golden design (the ceiling: what a perfect answer scores)
// and an empty module with the right ports (the negative control: what no answer scores) go
// through the other modes as if a model had written them, stored as "golden"/"control" rows.
// It evaluates nothing itself; it only adds these subjects, so a control whose code equals a
// model's sample is evaluated once for both.
#include "modes.h"

#include "rtlarena/core/hash.h"
#include "rtlarena/core/text.h"
#include "rtlarena/eval/extract.h"
#include "rtlarena/tasks/dataset.h"

namespace rtlarena {

namespace {

Subject control(const Task& task, SubjectKind kind, const std::string& code) {
  Subject s;
  s.kind = kind;
  s.record.taskId = task.id;
  s.record.sample = 0;
  s.record.rawAnswer = "```verilog\n" + code + "\n```\n";
  // Extracted from its answer exactly as a model's would be, so a model that writes the same
  // design has the same input (and one evaluation).
  ExtractOptions eo = extractOptionsFor(task);
  s.record.code = extractCandidate(s.record.rawAnswer, eo).code;
  if (s.record.code.empty()) s.record.code = code;
  s.record.codeHash = sha256Hex(s.record.code);
  s.record.extractMethod = "fenced";
  return s;
}

class ControlsMode final : public EvalMode {
 public:
  ModeId id() const override { return ModeId::Controls; }
  std::string_view name() const override { return "controls"; }
  std::vector<Subject> subjects(const Task& task) const override {
    // A dataset without golden or wrong properties (AssertionBench, FVEval) has no such control.
    std::vector<Subject> out;
    if (!trim(task.goldenCandidate).empty()) out.push_back(control(task, SubjectKind::Golden, task.goldenCandidate));
    if (const std::string negative = negativeControlCandidate(task); !trim(negative).empty())
      out.push_back(control(task, SubjectKind::EmptyModule, negative));
    return out;
  }
  std::optional<ModeJob> job(const Task&, const Subject&, const ModeResult*) const override { return std::nullopt; }
  ModeResult evaluate(const Task&, const ModeJob&, const ModeResult*) const override { return {}; }
  Status load(Store&, const std::vector<Task>&, StoredResults&) const override { return Ok{}; }
};

}  // namespace

Result<std::unique_ptr<EvalMode>> makeControlsMode(const ModeConfig&) {
  return std::unique_ptr<EvalMode>(std::make_unique<ControlsMode>());
}

}  // namespace rtlarena
