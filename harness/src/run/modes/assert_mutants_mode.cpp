// The assertion mutation-score mode (`--assert-mutants N`): after the assertion mode, each
// assertion answer (and the golden properties, with --controls) is scored by how many of the
// task design's non-equivalent mutants its proven assertions catch (mutation_score.h). The
// mutants and their equivalence verdicts are made once per task and shared by every sample
// (MutantCache, kept across runs under the cache folder). Stored as an `assert-mutants` row
// (Pass only when every non-equivalent mutant is caught) plus the score's detail as a store
// extra; the summary part gives the mean score over tasks. Off by default: runs without the flag
// cost what they did.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "rtlarena/formal/answer_judge.h"
#include "rtlarena/formal/assertion_mode.h"
#include "rtlarena/formal/mutation_score.h"
#include "rtlarena/run/text_table.h"
#include "rtlarena/store/store.h"

namespace rtlarena::formal {

namespace {

using nlohmann::json;

bool scorable(const Evaluation& e) { return e.verdict == Verdict::Pass || e.verdict == Verdict::Mismatch; }

std::string extraKey(const std::string& row, const Task& task, int sample) {
  return row + ":" + task.id + "#" + std::to_string(sample);
}

class AssertMutantsMode final : public EvalMode {
 public:
  AssertMutantsMode(CheckOptions check, AssertMutantSettings settings)
      : check_(std::move(check)), settings_(std::move(settings)), cache_(settings_.cacheDir) {}
  ModeId id() const override { return ModeId::AssertMutants; }
  std::string_view name() const override { return kAssertMutantsMode; }
  std::optional<ModeId> after() const override { return ModeId::Assertion; }

  Status check(const std::vector<Task>& tasks) const override {
    for (const auto& t : tasks)
      if (t.kind != TaskKind::Assertion)
        return makeError(ErrorCode::BadArgument, "--assert-mutants scores assertion tasks; '" + t.id + "' is a " +
                                                     std::string(taskKindName(t.kind)) + " task");
    return Ok{};
  }

  std::optional<ModeJob> job(const Task&, const Subject& subject, const ModeResult* upstream) const override {
    if (subject.kind == SubjectKind::EmptyModule || !upstream) return std::nullopt;
    ModeJob job;
    // The settings are part of the input: a result kept for other settings (the control cache
    // keys on the input) is never taken for these. A trailing comment changes no verdict.
    job.input = subject.record.code + "\n// rtlarena assert-mutants " + std::to_string(settings_.mutants) + " seed " +
                std::to_string(settings_.seed) + "\n";
    if (!scorable(upstream->eval)) {
      job.settled = upstream->eval;  // refused, unreadable or incomplete: nothing to score
      job.settled->simulator = "formal";
    }
    return job;
  }

  ModeResult evaluate(const Task& task, const ModeJob& job, const ModeResult*) const override {
    ModeResult r;
    FormalJudgement j = judgeAssertionAnswer(task, job.input, check_);
    if (!j.report || !j.request) {
      r.eval = j.eval;
      return r;
    }
    MutationScoreOptions mo;
    mo.mutants = settings_.mutants;
    mo.seed = settings_.seed;
    mo.equivSeconds = settings_.equivSeconds;
    mo.cache = &cache_;
    auto score = scoreByMutants(*j.request, *j.report, check_, mo);
    if (!score) {
      // The design is ours and elaborates, so a failure to mutate it is the harness's.
      r.eval = formalEvaluation(Verdict::HarnessError, "", score.error().describe());
      return r;
    }
    r.eval = asEvaluation(*score);
    r.payload = mutationScoreToJson(*score);
    return r;
  }

  Status store(Store& store, const Task& task, const Subject& subject, const ModeResult& result) const override {
    const std::string row = storedRowName(subject.kind, name());
    if (auto s = store.putEvaluation({task.id, subject.record.sample, row, result.eval}); !s) return s;
    if (result.payload.empty()) return Ok{};
    return store.putExtra(kAssertMutantsMode, extraKey(row, task, subject.record.sample), result.payload);
  }

  // Held results count only when they were scored with the same mutants (count and seed).
  Status load(Store& store, const std::vector<Task>&, StoredResults& out) const override {
    auto extras = store.extras(kAssertMutantsMode);
    if (!extras) return extras.error();
    std::map<std::string, json> detail;
    for (const auto& [key, text] : *extras) detail[key] = json::parse(text, nullptr, false);
    for (SubjectKind kind : {SubjectKind::Sample, SubjectKind::Golden}) {
      const std::string row = storedRowName(kind, name());
      auto rows = store.evaluations(row);
      if (!rows) return rows.error();
      for (const auto& r : *rows) {
        if (!isComplete(r.eval)) continue;
        auto it = detail.find(row + ":" + r.taskId + "#" + std::to_string(r.sample));
        const bool scored = it != detail.end() && it->second.is_object();
        if (scored && (it->second.value("mutants_asked", -1) != settings_.mutants ||
                       it->second.value("seed", -1) != static_cast<int>(settings_.seed)))
          continue;
        if (!scored && scorable(r.eval)) continue;  // a score without its detail: scored again
        ModeResult m;
        m.eval = r.eval;
        if (scored) m.payload = it->second.dump();
        out[{row, r.taskId, r.sample}] = std::move(m);
      }
    }
    return Ok{};
  }

  static Evaluation asEvaluation(const MutationScore& s) {
    Evaluation e = formalEvaluation(Verdict::Mismatch, "", "");
    e.samples = s.nonEquivalent;
    e.mismatches = s.nonEquivalent - s.caught;
    e.wallSeconds = s.seconds;
    const std::string setAside = fmt::format("{} equivalent, {} unknown set aside", s.equivalent, s.unknown);
    if (!s.score) {
      e.cls = "no_faults";
      e.message = "no non-equivalent mutant to catch (" + setAside + ")";
    } else if (s.caught == s.nonEquivalent) {
      e.verdict = Verdict::Pass;
      e.message = fmt::format("caught all {} non-equivalent mutants ({})", s.nonEquivalent, setAside);
    } else {
      e.cls = s.countedAssertions == 0 ? "no_proven_assertion" : "escaped";
      e.message = fmt::format("caught {} of {} non-equivalent mutants ({})", s.caught, s.nonEquivalent, setAside);
    }
    return e;
  }

 private:
  CheckOptions check_;
  AssertMutantSettings settings_;
  mutable MutantCache cache_;
};

}  // namespace

Result<std::unique_ptr<EvalMode>> makeAssertMutantsMode(const ModeConfig& config) {
  CheckOptions o;
  o.sandbox = config.eval.sandbox;
  o.workRoot = config.eval.workRoot;
  o.jobs = 1;  // the run's worker pool already scores answers in parallel
  return std::unique_ptr<EvalMode>(std::make_unique<AssertMutantsMode>(std::move(o), config.assertMutants));
}

}  // namespace rtlarena::formal
