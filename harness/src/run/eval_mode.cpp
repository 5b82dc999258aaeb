// What every mode shares: the stored row names, the default storage (one `evaluations` row per
// subject), and the registry that makes modes from their ids (its entries: modes/registry.cpp).
#include "rtlarena/run/eval_mode.h"

#include <algorithm>


namespace rtlarena {

std::string storedRowName(SubjectKind kind, std::string_view modeName) {
  if (kind == SubjectKind::Sample) return std::string(modeName);
  const std::string control = kind == SubjectKind::Golden ? "golden" : "control";
  return modeName == kNativeMode ? control : control + "-" + std::string(modeName);
}

std::string_view modeIdName(ModeId id) {
  switch (id) {
    case ModeId::Native: return kNativeMode;
    case ModeId::VerilogEval: return kCompatMode;
    case ModeId::SecondSimulator: return kSecondSimulatorMode;
    case ModeId::Controls: return "controls";
    case ModeId::Ppa: return "ppa";
    case ModeId::Equiv: return kEquivMode;
    case ModeId::Assertion: return "assertion";
    case ModeId::Reward: return kRewardMode;
    case ModeId::AssertMutants: return kAssertMutantsMode;
    case ModeId::Differential: return kDifferentialMode;
  }
  return "?";
}

Status EvalMode::store(Store& store, const Task& task, const Subject& subject, const ModeResult& result) const {
  return store.putEvaluation({task.id, subject.record.sample, storedRowName(subject.kind, name()), result.eval});
}

Status EvalMode::load(Store& store, const std::vector<Task>&, StoredResults& out) const {
  for (SubjectKind kind : {SubjectKind::Sample, SubjectKind::Golden, SubjectKind::EmptyModule}) {
    const std::string row = storedRowName(kind, name());
    auto rows = store.evaluations(row);
    if (!rows) return rows.error();
    for (const auto& r : *rows) {
      if (!isComplete(r.eval)) continue;  // evaluated again
      ModeResult m;
      m.eval = r.eval;
      out[{row, r.taskId, r.sample}] = std::move(m);
    }
  }
  return Ok{};
}

void ModeRegistry::add(ModeId id, ModeFactory factory, ModeReporter reporter) {
  std::lock_guard lock(mutex_);
  entries_[id] = {std::move(factory), std::move(reporter)};
}

Result<std::vector<std::unique_ptr<EvalMode>>> ModeRegistry::make(const std::set<ModeId>& ids, const ModeConfig& config) const {
  std::vector<std::unique_ptr<EvalMode>> modes;
  {
    std::lock_guard lock(mutex_);
    for (ModeId id : ids) {
      auto it = entries_.find(id);
      if (it == entries_.end())
        return makeError(ErrorCode::BadArgument, "the '" + std::string(modeIdName(id)) + "' mode is not available in this build");
      auto mode = it->second.factory(config);
      if (!mode) return mode.error();
      modes.push_back(std::move(*mode));
    }
  }
  // Upstream first: a mode is started when the one it comes after has a result.
  std::vector<std::unique_ptr<EvalMode>> ordered;
  while (!modes.empty()) {
    auto ready = std::find_if(modes.begin(), modes.end(), [&](const auto& m) {
      if (!m->after()) return true;
      return std::any_of(ordered.begin(), ordered.end(), [&](const auto& o) { return o->id() == *m->after(); });
    });
    if (ready == modes.end())
      return makeError(ErrorCode::BadArgument, "the '" + std::string(modeIdName(modes.front()->id())) + "' mode needs the '" +
                                                   std::string(modeIdName(*modes.front()->after())) + "' mode");
    ordered.push_back(std::move(*ready));
    modes.erase(ready);
  }
  return ordered;
}

Status ModeRegistry::report(Store& store, RunSummary& summary) const {
  std::vector<ModeReporter> reporters;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [id, e] : entries_)
      if (e.reporter) reporters.push_back(e.reporter);
  }
  for (const auto& r : reporters) {
    auto part = r(store);
    if (!part) return part.error();
    if (*part) summary.modeReports.push_back(std::move(**part));
  }
  return Ok{};
}

}  // namespace rtlarena
