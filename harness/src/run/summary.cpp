// The run summary from the store: one function for every reader. Only complete evaluations
// (not harness_error, not llm_error) are samples of the model; every score below counts those.
#include "rtlarena/run/summary.h"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "rtlarena/eval/verilogeval_compat.h"
#include "rtlarena/run/eval_mode.h"
#include "rtlarena/store/store.h"

namespace rtlarena {

namespace fs = std::filesystem;
using nlohmann::json;

bool RunSummary::hasIncomplete() const {
  if (incomplete.total() > 0) return true;
  for (const auto& [mode, n] : incompleteOtherModes)
    if (n > 0) return true;
  return false;
}

NativeScore scoreNative(const std::vector<EvalRecord>& rows, const std::map<std::string, TaskMeta>& meta,
                        const std::vector<std::string>& excluded, const std::vector<int>& ks) {
  NativeScore out;
  const std::set<std::string> skip(excluded.begin(), excluded.end());
  std::map<std::string, TaskTally> tallies;
  std::set<std::string> seen;
  for (const auto& e : rows) {
    if (!isComplete(e.eval)) {
      (e.eval.verdict == Verdict::LlmError ? out.incomplete.llmError : out.incomplete.harnessError) += 1;
      seen.insert(e.taskId);
      continue;
    }
    out.completeSamples += 1;
    seen.insert(e.taskId);
    if (skip.count(e.taskId)) continue;
    auto& t = tallies[e.taskId];
    t.taskId = e.taskId;
    t.n += 1;
    t.c += e.eval.passed() ? 1 : 0;
  }
  for (const auto& id : seen)
    if (!skip.count(id) && !tallies.count(id)) out.unscoredTasks.push_back(id);
  std::vector<TaskTally> list;
  for (auto& [id, t] : tallies) {
    if (auto m = meta.find(id); m != meta.end()) {
      t.tags = m->second.tags;
      t.difficulty = m->second.difficulty;
    }
    list.push_back(t);
  }
  out.score = ks.empty() ? summarize(list) : summarize(list, ks);
  return out;
}

void summarizeTasks(const std::vector<EvalRecord>& rows, RunSummary& s) {
  std::map<std::string, TaskOutcome> byTask;
  std::map<std::string, std::pair<int, int>> stages;  // task -> (past syntax, past compile)
  std::map<std::string, const Evaluation*> firstIncomplete;  // why a task may have no verdict at all
  for (const auto& e : rows) {
    TaskOutcome& t = byTask[e.taskId];
    t.task = e.taskId;
    if (!isComplete(e.eval)) {
      t.incomplete += 1;
      firstIncomplete.emplace(e.taskId, &e.eval);
      continue;
    }
    t.complete += 1;
    const Verdict v = e.eval.verdict;
    const bool syntax = v != Verdict::NoCode && v != Verdict::PolicyViolation && v != Verdict::SyntaxError;
    stages[e.taskId].first += syntax ? 1 : 0;
    stages[e.taskId].second += syntax && v != Verdict::CompileError ? 1 : 0;
    if (e.eval.passed()) {
      t.passed += 1;
    } else if (t.verdict.empty()) {
      t.verdict = std::string(verdictName(v));
      t.cls = e.eval.cls;
      std::string first = e.eval.message.substr(0, e.eval.message.find('\n'));
      t.reason = first.size() > 100 ? first.substr(0, 97) + "..." : first;
    }
  }
  double syntax = 0, compile = 0, functional = 0;
  int scored = 0;
  for (auto& [id, t] : byTask) {
    if (t.verdict.empty()) t.verdict = t.complete > 0 ? "pass" : "";
    if (t.complete == 0) {
      if (auto it = firstIncomplete.find(id); it != firstIncomplete.end()) {  // say why nothing was scored
        t.cls = std::string(verdictName(it->second->verdict));
        std::string first = it->second->message.substr(0, it->second->message.find('\n'));
        t.reason = first.size() > 100 ? first.substr(0, 97) + "..." : first;
      }
      continue;
    }
    ++scored;
    syntax += static_cast<double>(stages[id].first) / t.complete;
    compile += static_cast<double>(stages[id].second) / t.complete;
    functional += static_cast<double>(t.passed) / t.complete;
    s.taskOutcomes.push_back(t);
  }
  for (auto& [id, t] : byTask)
    if (t.complete == 0) s.taskOutcomes.push_back(t);
  if (scored > 0) s.stageRates = {{"syntax", syntax / scored}, {"compile", compile / scored}, {"functional", functional / scored}};
  // Worst first: the lowest pass fraction, then the earliest stage failed, then the id.
  auto rank = [](const TaskOutcome& t) {
    auto v = verdictFromName(t.verdict);
    return v ? static_cast<int>(*v) : 99;
  };
  std::stable_sort(s.taskOutcomes.begin(), s.taskOutcomes.end(), [&](const TaskOutcome& a, const TaskOutcome& b) {
    if ((a.complete == 0) != (b.complete == 0)) return b.complete == 0;
    const double fa = a.complete ? static_cast<double>(a.passed) / a.complete : 1, fb = b.complete ? static_cast<double>(b.passed) / b.complete : 1;
    if (fa != fb) return fa < fb;
    if (rank(a) != rank(b)) return rank(a) < rank(b);
    return a.task < b.task;
  });
}

namespace {

Result<std::set<std::string>> extraKeys(Store& store, const std::string& kind) {
  auto rows = store.extras(kind);
  if (!rows) return rows.error();
  std::set<std::string> keys;
  for (const auto& [key, text] : *rows) keys.insert(key);
  return keys;
}

Result<std::map<std::string, TaskMeta>> taskMeta(Store& store) {
  auto rows = store.extras("task");
  if (!rows) return rows.error();
  std::map<std::string, TaskMeta> out;
  for (const auto& [id, text] : *rows) {
    json meta = json::parse(text, nullptr, false);
    if (meta.is_discarded() || !meta.is_object()) continue;
    out[id] = {meta.value("tags", std::vector<std::string>{}), meta.value("difficulty", std::string())};
  }
  return out;
}

// The VerilogEval-compatible score: mean over problems of int(npass / n * 100), n counting
// the problem's complete samples.
void summarizeCompat(const std::vector<EvalRecord>& rows, const std::set<std::string>& compatExcluded, RunSummary& s) {
  std::map<std::string, std::pair<int, int>> perTask;  // passes, complete samples
  for (const auto& e : rows) {
    if (!isComplete(e.eval)) {
      s.incompleteOtherModes[kCompatMode] += e.eval.verdict == Verdict::HarnessError ? 1 : 0;
      continue;
    }
    auto& p = perTask[e.taskId];
    p.first += e.eval.compatCode == "." ? 1 : 0;
    p.second += 1;
    s.compatCodes[e.eval.compatCode.empty() ? "?" : e.eval.compatCode] += 1;
  }
  if (perTask.empty()) return;
  double all = 0, kept = 0;
  int keptCount = 0;
  for (const auto& [id, p] : perTask) {
    const int pct = verilogEvalProblemPercent(p.first, p.second);
    all += pct;
    if (compatExcluded.count(id)) s.verilogEvalExcludedTasks.push_back(id);
    else {
      kept += pct;
      ++keptCount;
    }
  }
  s.verilogEvalScore = all / static_cast<double>(perTask.size());
  if (keptCount > 0 && !s.verilogEvalExcludedTasks.empty()) s.verilogEvalScoreKept = kept / keptCount;
}

// Pass fraction over the complete rows of a control mode; nullopt when there are none.
std::optional<double> passFraction(const std::vector<EvalRecord>& rows, const std::string& mode, RunSummary& s) {
  int pass = 0, complete = 0;
  for (const auto& e : rows) {
    if (!isComplete(e.eval)) {
      s.incompleteOtherModes[mode] += 1;
      continue;
    }
    ++complete;
    pass += e.eval.passed() ? 1 : 0;
  }
  if (complete == 0) return std::nullopt;
  return static_cast<double>(pass) / complete;
}

}  // namespace

Result<RunSummary> summarizeRun(Store& store, const ModeRegistry* registry, const std::vector<int>& ks) {
  RunSummary s;
  s.storePath = store.file().string();
  auto run = store.run();
  if (!run) return run.error();
  if (*run) {
    s.runId = (*run)->runId;
    s.suite = (*run)->suite;
    s.model = (*run)->model;
  }
  auto native = store.evaluations("native");
  if (!native) return native.error();
  auto meta = taskMeta(store);
  if (!meta) return meta.error();
  auto excluded = extraKeys(store, "errata");
  if (!excluded) return excluded.error();
  s.excludedTasks.assign(excluded->begin(), excluded->end());

  std::set<std::string> tasks;
  for (const auto& e : *native) {
    tasks.insert(e.taskId);
    s.verdicts[std::string(verdictName(e.eval.verdict))] += 1;
    if (!isComplete(e.eval))
      s.incompleteReasons[std::string(verdictName(e.eval.verdict)) + ": " +
                          (e.eval.message.empty() ? "(no message)" : e.eval.message.substr(0, 300))] += 1;
    if (isComplete(e.eval) && !e.eval.passed())
      s.failureClasses[std::string(verdictName(e.eval.verdict)) + (e.eval.cls.empty() ? "" : "/" + e.eval.cls)] += 1;
  }
  s.tasks = static_cast<int>(tasks.size());
  s.samples = static_cast<int>(native->size());
  NativeScore scored = scoreNative(*native, *meta, s.excludedTasks, ks);
  summarizeTasks(*native, s);
  s.score = scored.score;
  s.passAt = s.score.overall;
  s.completeSamples = scored.completeSamples;
  s.incomplete = scored.incomplete;
  s.unscoredTasks = scored.unscoredTasks;

  auto compatExcluded = extraKeys(store, kErrataCompatKind);
  if (!compatExcluded) return compatExcluded.error();
  auto compat = store.evaluations(kCompatMode);
  if (!compat) return compat.error();
  summarizeCompat(*compat, *compatExcluded, s);
  std::map<std::pair<std::string, int>, const Evaluation*> nativeOf;
  for (const auto& e : *native) nativeOf[{e.taskId, e.sample}] = &e.eval;
  for (const auto& c : *compat) {
    auto it = nativeOf.find({c.taskId, c.sample});
    if (c.eval.compatCode != "." || it == nativeOf.end() || it->second->passed() || !isComplete(*it->second)) continue;
    s.compatOnlyPasses.push_back(c.taskId + "#" + std::to_string(c.sample) + " " +
                                 std::string(verdictName(it->second->verdict)) +
                                 (it->second->cls.empty() ? "" : " (" + it->second->cls + ")"));
  }

  for (const auto& [mode, key, into] :
       {std::tuple{"golden", "native", &s.goldenCeiling}, {"golden-verilogeval", "verilogeval", &s.goldenCeiling},
        {"control", "native", &s.negativeControl}, {"control-verilogeval", "verilogeval", &s.negativeControl}}) {
    auto rows = store.evaluations(mode);
    if (!rows) return rows.error();
    if (auto f = passFraction(*rows, mode, s)) (*into)[key] = *f;
  }

  auto second = store.evaluations(kSecondSimulatorMode);
  if (!second) return second.error();
  s.secondSimulatorSamples = static_cast<int>(second->size());
  std::map<std::pair<std::string, int>, const Evaluation*> first;
  for (const auto& e : *native) first[{e.taskId, e.sample}] = &e.eval;
  for (const auto& e : *second) {
    if (e.eval.verdict == Verdict::HarnessError) s.incompleteOtherModes[kSecondSimulatorMode] += 1;
    auto it = first.find({e.taskId, e.sample});
    if (it == first.end() || !isComplete(e.eval) || !isComplete(*it->second) || it->second->passed() == e.eval.passed())
      continue;
    s.disagreements.push_back(e.taskId + "#" + std::to_string(e.sample) + " icarus=" +
                              std::string(verdictName(it->second->verdict)) + " verilator=" +
                              std::string(verdictName(e.eval.verdict)));
  }
  if (auto st = (registry ? *registry : ModeRegistry::global()).report(store, s); !st) return st.error();
  return s;
}

Result<RunSummary> summarizeStore(const std::string& outDir, const std::vector<int>& ks) {
  auto store = Store::openReadOnly(outDir);
  if (!store) return store.error();
  auto run = (*store)->run();
  if (!run) return run.error();
  if (!*run) return makeError(ErrorCode::NotFound, (*store)->file().string() + ": holds no run");
  return summarizeRun(**store, nullptr, ks);
}

}  // namespace rtlarena
