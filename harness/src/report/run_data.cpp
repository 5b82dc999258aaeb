// One run's part of the report, read from its store through the run summary: the figures are
// the ones `rtlarena run` prints; the rest (identity, tokens, per-task rates, one sample per
// task for the drill-down, the failure taxonomy) is read from the same rows.
#include <map>
#include <set>

#include "report_parts.h"
#include "rtlarena/run/summary.h"
#include "rtlarena/store/store.h"

namespace rtlarena::report {

namespace {

constexpr std::size_t kCodeCap = 12000;
constexpr std::size_t kLogCap = 3000;

std::string head(const std::string& s, std::size_t cap) {
  return s.size() <= cap ? s : s.substr(0, cap) + "\n... (" + std::to_string(s.size() - cap) + " more bytes)";
}
std::string tail(const std::string& s, std::size_t cap) {
  return s.size() <= cap ? s : "... (" + std::to_string(s.size() - cap) + " bytes before)\n" + s.substr(s.size() - cap);
}

json byK(const std::map<int, double>& m) {
  json j = json::object();
  for (const auto& [k, v] : m) j[std::to_string(k)] = v;
  return j;
}

json intervals(const std::map<int, Interval>& m) {
  json j = json::object();
  for (const auto& [k, v] : m) j[std::to_string(k)] = {v.low, v.high};
  return j;
}

json parsedOr(const std::string& text, json fallback) {
  json j = json::parse(text, nullptr, false);
  return j.is_discarded() ? fallback : j;
}

// The four-level taxonomy of a failing sample: how far it got. A functional failure is split
// by whether another sample of the same run solved the task (a sampling miss) or none did.
const char* taxonomyLevel(Verdict v, bool taskSolved) {
  switch (v) {
    case Verdict::NoCode:
    case Verdict::SyntaxError: return "syntax";
    case Verdict::CompileError:
    case Verdict::PolicyViolation: return "semantic";
    default: return taskSolved ? "functional_solved_elsewhere" : "functional_never_solved";
  }
}

struct TaskRows {
  int n = 0, c = 0, incomplete = 0;
  std::map<std::string, int> verdicts;
  const EvalRecord* shown = nullptr;  // the drill-down sample: the first failure, else the first
};

// The user message of a stored prompt: the spec as the model saw it.
std::string promptText(const std::string& promptJson) {
  json p = json::parse(promptJson, nullptr, false);
  if (!p.is_array()) return "";
  std::string out;
  for (const auto& m : p)
    if (m.is_object() && m.value("role", "") == "user" && m.contains("content") && m["content"].is_string())
      out = m["content"].get<std::string>();
  return out;
}

json perTask(const std::vector<EvalRecord>& evals, const std::vector<SampleRecord>& samples,
             std::map<std::string, int>& taxonomy) {
  std::map<std::string, TaskRows> tasks;
  for (const auto& e : evals) {
    auto& t = tasks[e.taskId];
    t.verdicts[std::string(verdictName(e.eval.verdict))] += 1;
    if (!isComplete(e.eval)) {
      ++t.incomplete;
      continue;
    }
    ++t.n;
    t.c += e.eval.passed() ? 1 : 0;
    const bool better = !t.shown || (t.shown->eval.passed() && !e.eval.passed()) ||
                        (t.shown->eval.passed() == e.eval.passed() && e.sample < t.shown->sample);
    if (better) t.shown = &e;
  }
  std::map<std::pair<std::string, int>, const SampleRecord*> sampleOf;
  for (const auto& s : samples) sampleOf[{s.taskId, s.sample}] = &s;
  for (const auto& e : evals)
    if (isComplete(e.eval) && !e.eval.passed()) taxonomy[taxonomyLevel(e.eval.verdict, tasks[e.taskId].c > 0)] += 1;

  json out = json::object();
  for (const auto& [id, t] : tasks) {
    json j = {{"n", t.n}, {"c", t.c}, {"incomplete", t.incomplete}, {"verdicts", t.verdicts}};
    j["rate"] = t.n > 0 ? json(static_cast<double>(t.c) / t.n) : json();
    if (t.shown) {
      const auto& e = *t.shown;
      json s = {{"sample", e.sample},
                {"verdict", std::string(verdictName(e.eval.verdict))},
                {"class", e.eval.cls},
                {"message", e.eval.message},
                {"log_tail", tail(e.eval.logTail, kLogCap)}};
      if (auto it = sampleOf.find({id, e.sample}); it != sampleOf.end()) {
        s["code"] = head(it->second->code.empty() ? it->second->rawAnswer : it->second->code, kCodeCap);
        s["prompt"] = head(promptText(it->second->promptJson), kCodeCap);
      }
      j["shown"] = s;
    }
    out[id] = j;
  }
  return out;
}

}  // namespace

Result<json> runData(const std::string& dir) {
  auto store = Store::openReadOnly(dir);
  if (!store) return store.error();
  auto run = (*store)->run();
  if (!run) return run.error();
  if (!*run) return makeError(ErrorCode::NotFound, dir + ": holds no run (its results.sqlite is empty)");
  auto summary = summarizeRun(**store);
  if (!summary) return summary.error();
  auto evals = (*store)->evaluations("native");
  if (!evals) return evals.error();
  auto samples = (*store)->samples();
  if (!samples) return samples.error();
  auto cost = (*store)->extras("cost");
  if (!cost) return cost.error();

  const RunRecord& r = **run;
  const RunSummary& s = *summary;
  json config = parsedOr(r.configJson, json::object());
  const bool feedback = config.value("feedback_rounds", 0) > 0 || config.value("tool_feedback", false);
  json j = {{"dir", dir},
            {"run_id", r.runId},
            {"suite", r.suite},
            {"model", r.model},
            {"setting", feedback ? "tool-feedback" : "single-shot"},
            {"created_at", r.createdAt},
            {"status", r.status},
            {"git_revision", r.gitRevision},
            {"tool_versions", parsedOr(r.toolVersionsJson, json::object())},
            {"config", config},
            {"samples_per_task", r.samplesPerTask},
            {"tasks", s.tasks},
            {"scored_tasks", s.score.tasks},
            {"samples", s.samples},
            {"complete_samples", s.completeSamples},
            {"incomplete", {{"harness_error", s.incomplete.harnessError}, {"llm_error", s.incomplete.llmError}}},
            {"unscored_tasks", s.unscoredTasks},
            {"excluded_tasks", s.excludedTasks},
            {"pass_at", byK(s.passAt)},
            {"pass_at_ci95", intervals(s.score.overallCi)},
            {"verdicts", s.verdicts},
            {"failure_classes", s.failureClasses},
            {"golden_ceiling", s.goldenCeiling},
            {"negative_control", s.negativeControl}};
  j["verilogeval_score"] = s.verilogEvalScore ? json(*s.verilogEvalScore) : json();
  std::int64_t tokensIn = 0, tokensOut = 0;
  for (const auto& sample : *samples) tokensIn += sample.tokensIn, tokensOut += sample.tokensOut;
  j["tokens_in"] = tokensIn;
  j["tokens_out"] = tokensOut;
  j["cost_usd"] = json();
  for (const auto& [key, text] : *cost)
    if (key == "run") j["cost_usd"] = parsedOr(text, json::object()).value("usd", json());
  for (const auto& m : s.modeReports) j[m.name] = parsedOr(m.jsonText, json());
  std::map<std::string, int> taxonomy = {
      {"syntax", 0}, {"semantic", 0}, {"functional_solved_elsewhere", 0}, {"functional_never_solved", 0}};
  j["per_task"] = perTask(*evals, *samples, taxonomy);
  j["taxonomy"] = taxonomy;
  return j;
}

}  // namespace rtlarena::report
