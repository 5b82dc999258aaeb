// Preference pairs from a run's store (see preference_pairs.h). Failures are
// ordered closest first (fewest mismatching samples), so the first pairs are
// the hardest negatives; identical answers are never paired with themselves.
#include "rtlarena/serve/preference_pairs.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "rtlarena/llm/prompt.h"
#include "rtlarena/run/summary.h"
#include "rtlarena/store/store.h"
#include "rtlarena/tasks/dataset.h"
#include "rtlarena/tasks/suite.h"

namespace rtlarena {

namespace {

struct Candidate {
  const SampleRecord* sample;
  Evaluation eval;
  std::optional<double> ppa;
};

std::string lastUserMessage(const std::string& promptJson) {
  auto j = nlohmann::json::parse(promptJson, nullptr, false);
  if (!j.is_array()) return promptJson;
  std::string text;
  for (const auto& m : j)
    if (m.is_object() && m.value("role", "") == "user" && m.contains("content") && m["content"].is_string())
      text = m["content"].get<std::string>();
  return text;
}

// Closest failures first: a mismatch with few wrong samples before a compile
// error.
int severity(const Evaluation& e) {
  switch (e.verdict) {
    case Verdict::Mismatch:
      return 0;
    case Verdict::SimTimeout:
    case Verdict::SimCrash:
      return 1;
    case Verdict::SyntaxError:
    case Verdict::CompileError:
      return 2;
    default:
      return 3;
  }
}

std::string fixed2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

// A run whose provider stores no prompt (replay, reference): the prompt `run` renders for the
// task, from the run's suite, when it can still be loaded; otherwise empty.
void fillMissingPrompts(Store& store, std::vector<PreferencePair>& pairs) {
  bool missing = false;
  for (const auto& p : pairs) missing = missing || p.prompt.empty();
  if (!missing) return;
  auto run = store.run();
  if (!run || !*run) return;
  const std::string& suite = (*run)->suite;
  auto tasks = suite.find(':') != std::string::npos ? loadDataset(suite) : loadSuite(suite);
  if (!tasks) return;
  std::map<std::string, std::string> prompts;
  for (const auto& t : *tasks)
    if (auto messages = renderPrompt(t, {})) prompts[t.id] = lastUserMessage(messagesToJson(*messages));
  for (auto& p : pairs)
    if (p.prompt.empty())
      if (auto it = prompts.find(p.taskId); it != prompts.end()) p.prompt = it->second;
}

}  // namespace

Result<std::vector<PreferencePair>> preferencePairs(const std::filesystem::path& runDir, const PairOptions& options) {
  auto store = Store::openReadOnly(runDir);
  if (!store) return store.error();
  auto samples = (*store)->samples();
  if (!samples) return samples.error();
  auto evals = (*store)->evaluations("native");
  if (!evals) return evals.error();
  auto ppaRows = (*store)->extras("ppa");
  if (!ppaRows) return ppaRows.error();
  std::map<std::pair<std::string, int>, Evaluation> verdicts;
  for (const auto& e : *evals) verdicts[{e.taskId, e.sample}] = e.eval;
  std::map<std::pair<std::string, int>, double> ppa;
  for (const auto& [key, text] : *ppaRows) {
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_object() && j.value("scored", false) && j.contains("score") && j["score"].is_number())
      ppa[{j.value("task", ""), j.value("sample", 0)}] = j["score"].get<double>();
  }
  std::map<std::string, std::vector<Candidate>> byTask;
  for (const auto& s : *samples) {
    auto v = verdicts.find({s.taskId, s.sample});
    // Only answers with a verdict of the model's ability, and text to train on.
    if (v == verdicts.end() || !isComplete(v->second) || s.llmError || s.rawAnswer.empty()) continue;
    Candidate c{&s, v->second, std::nullopt};
    if (auto p = ppa.find({s.taskId, s.sample}); p != ppa.end()) c.ppa = p->second;
    byTask[s.taskId].push_back(c);
  }
  std::vector<PreferencePair> pairs;
  for (auto& [task, cands] : byTask) {
    std::vector<const Candidate*> passes, fails;
    for (const auto& c : cands) (c.eval.passed() ? passes : fails).push_back(&c);
    std::stable_sort(fails.begin(), fails.end(), [](const Candidate* a, const Candidate* b) {
      if (severity(a->eval) != severity(b->eval)) return severity(a->eval) < severity(b->eval);
      return a->eval.mismatches < b->eval.mismatches;
    });
    int made = 0;
    auto add = [&](const Candidate* chosen, const Candidate* rejected, std::string reason) {
      if (made >= options.perTask || chosen->sample->rawAnswer == rejected->sample->rawAnswer) return;
      pairs.push_back({task, lastUserMessage(chosen->sample->promptJson), chosen->sample->rawAnswer, rejected->sample->rawAnswer,
                       std::move(reason), chosen->sample->sample, rejected->sample->sample});
      ++made;
    };
    // Pass over failure: walk both lists together so each pass and each failure
    // is used once before any is used twice.
    for (std::size_t d = 0; d < fails.size() && made < options.perTask; ++d)
      for (std::size_t i = 0; i < passes.size() && made < options.perTask; ++i) {
        const Candidate* f = fails[(i + d) % fails.size()];
        add(passes[i], f, "pass over " + std::string(verdictName(f->eval.verdict)));
      }
    // Among passes: the better PPA score (lower is better) by a clear margin.
    std::vector<const Candidate*> measured;
    for (const Candidate* p : passes)
      if (p->ppa) measured.push_back(p);
    std::stable_sort(measured.begin(), measured.end(), [](const Candidate* a, const Candidate* b) { return *a->ppa < *b->ppa; });
    for (std::size_t i = 0; i < measured.size() && made < options.perTask; ++i)
      for (std::size_t j = measured.size(); j-- > i + 1 && made < options.perTask;)
        if (*measured[j]->ppa >= *measured[i]->ppa * (1 + options.ppaMargin))
          add(measured[i], measured[j], "ppa " + fixed2(*measured[i]->ppa) + " over " + fixed2(*measured[j]->ppa));
  }
  fillMissingPrompts(**store, pairs);
  return pairs;
}

std::string pairToJson(const PreferencePair& p) {
  return nlohmann::json{{"prompt", p.prompt},
                        {"chosen", p.chosen},
                        {"rejected", p.rejected},
                        {"task_id", p.taskId},
                        {"reason", p.reason},
                        {"chosen_sample", p.chosenSample},
                        {"rejected_sample", p.rejectedSample}}
      .dump();
}

}  // namespace rtlarena
