// The text rendering of a run summary: aligned tables for the score, verdicts and failure
// classes, then the other scorings of the same run and each mode's own table.
#include <fmt/format.h>

#include <algorithm>

#include "rtlarena/run/summary.h"
#include "rtlarena/run/text_table.h"

namespace rtlarena {

namespace {

std::string percent(double v) { return fmt::format("{:.1f}%", v * 100.0); }

std::string listSome(const std::vector<std::string>& items, std::size_t most) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < most; ++i) out += (i ? " " : "") + items[i];
  return out + (items.size() > most ? " ..." : "");
}

// pass@k per k, then per difficulty and per tag: one row each, one column per k.
std::string scoreTable(const RunSummary& s) {
  std::vector<std::string> header = {"metric"};
  for (const auto& [k, v] : s.passAt) header.push_back("pass@" + std::to_string(k));
  header.push_back("tasks");
  TextTable table(header);
  auto row = [&](const std::string& name, const std::map<int, double>& byK, const std::string& tasks) {
    std::vector<std::string> r = {name};
    for (const auto& [k, v] : s.passAt) {
      auto it = byK.find(k);
      r.push_back(it == byK.end() ? "-" : percent(it->second));
    }
    r.push_back(tasks);
    table.add(r);
  };
  row("overall", s.passAt, std::to_string(s.score.tasks));
  for (const auto& [level, byK] : s.score.byDifficulty) row("difficulty " + level, byK, "");
  for (const auto& [tag, byK] : s.score.byTag) row("tag " + tag, byK, "");
  return table.render();
}

std::string countTable(const char* title, const std::map<std::string, int>& counts, std::size_t most) {
  std::vector<std::pair<std::string, int>> rows(counts.begin(), counts.end());
  std::stable_sort(rows.begin(), rows.end(), [](auto& a, auto& b) { return a.second > b.second; });
  TextTable table({title, "count"});
  for (std::size_t i = 0; i < rows.size() && i < most; ++i) table.add({rows[i].first, std::to_string(rows[i].second)});
  return table.render();
}

// syntax / compile / functional pass rates, as TuRTLe reports them beside pass@k.
std::string stageLine(const RunSummary& s) {
  if (s.stageRates.empty()) return "";
  auto get = [&](const char* k) {
    auto it = s.stageRates.find(k);
    return it == s.stageRates.end() ? std::string("-") : percent(it->second);
  };
  return fmt::format("  pass rates: syntax {}  compile {}  functional {}\n", get("syntax"), get("compile"), get("functional"));
}

// The tasks that failed (every task with perTask), the worst first: what a reader looks for.
std::string taskTable(const RunSummary& s, bool perTask) {
  TextTable table({perTask ? "task" : "failed task", "passed", "verdict", "class", "reason"});
  int rows = 0, failed = 0;
  for (const auto& t : s.taskOutcomes) {
    const bool bad = t.complete == 0 || t.passed < t.complete;
    failed += bad ? 1 : 0;
    if (!perTask && (!bad || rows >= 25)) continue;
    ++rows;
    std::string verdict = t.complete == 0 ? "incomplete" : t.verdict;
    table.add({t.task, fmt::format("{}/{}", t.passed, t.complete), verdict, t.cls.empty() ? "-" : t.cls,
               t.reason.empty() ? "-" : t.reason});
  }
  if (rows == 0) return "";
  std::string out = "\n" + table.render();
  if (!perTask && failed > rows) out += fmt::format("  ... and {} more (--per-task lists every task)\n", failed - rows);
  return out;
}

std::string datasetText(const RunSummary& s) {
  std::string out;
  if (!s.goldenCeiling.empty() || !s.negativeControl.empty()) {
    TextTable table({"control", "native", "compat"});
    auto get = [](const std::map<std::string, double>& m, const char* k) {
      auto it = m.find(k);
      return it == m.end() ? std::string("-") : percent(it->second);
    };
    table.add({"golden ceiling (reference)", get(s.goldenCeiling, "native"), get(s.goldenCeiling, "verilogeval")});
    table.add({"negative control (empty)", get(s.negativeControl, "native"), get(s.negativeControl, "verilogeval")});
    out += "\n" + table.render();
  }
  if (s.verilogEvalScore) {
    out += fmt::format("\n  VerilogEval-compatible score {:.2f} (mean over problems of int(npass/n*100))\n",
                       *s.verilogEvalScore);
    if (s.verilogEvalScoreKept)
      out += fmt::format("  ... without the {} problem(s) whose golden design fails in its harness: {:.2f} ({})\n",
                         s.verilogEvalExcludedTasks.size(), *s.verilogEvalScoreKept, listSome(s.verilogEvalExcludedTasks, 12));
    std::string codes;
    for (const auto& [c, n] : s.compatCodes) codes += fmt::format(" {}:{}", c, n);
    out += "  failure codes:" + codes + "\n";
    if (!s.compatOnlyPasses.empty())
      out += fmt::format("  {} sample(s) pass VerilogEval's own harness but fail here (e.g. by naming its reference): {}\n",
                         s.compatOnlyPasses.size(), listSome(s.compatOnlyPasses, 8));
  }
  if (!s.excludedTasks.empty())
    out += fmt::format("\n  {} problem(s) excluded by errata (reported apart, not scored): {}\n", s.excludedTasks.size(),
                       listSome(s.excludedTasks, 12));
  if (s.secondSimulatorSamples > 0) {
    out += fmt::format("\n  icarus vs verilator: {} of {} samples disagree\n", s.disagreements.size(), s.secondSimulatorSamples);
    for (std::size_t i = 0; i < s.disagreements.size() && i < 20; ++i) out += "    " + s.disagreements[i] + "\n";
  }
  return out;
}

}  // namespace

std::string summaryText(const RunSummary& s, bool perTask) {
  std::string out = fmt::format("\nrun {}  suite {}  model {}\n", s.runId, s.suite, s.model);
  out += fmt::format("tasks {}  samples {} ({} complete)  wall {:.1f}s  ({} evaluated now, {} identical candidates reused)\n",
                     s.tasks, s.samples, s.completeSamples, s.wallSeconds, s.evaluated, s.reused);
  out += "\n" + scoreTable(s);
  out += stageLine(s);
  out += "\n" + countTable("verdict", s.verdicts, 100);
  if (!s.failureClasses.empty()) out += "\n" + countTable("failure class", s.failureClasses, 12);
  if (s.incomplete.total() > 0 || !s.unscoredTasks.empty()) {
    TextTable table({"incomplete (not scored)", "samples"});
    table.add({"harness_error", std::to_string(s.incomplete.harnessError)});
    table.add({"llm_error", std::to_string(s.incomplete.llmError)});
    out += "\n" + table.render();
    // The endpoint's or the harness's own words, most frequent first, so a wrong URL or key
    // is visible here and not only in the store.
    std::vector<std::pair<int, std::string>> reasons;
    for (const auto& [why, n] : s.incompleteReasons) reasons.push_back({-n, why});
    std::sort(reasons.begin(), reasons.end());
    for (std::size_t i = 0; i < reasons.size() && i < 5; ++i)
      out += fmt::format("  {} x {}\n", -reasons[i].first, reasons[i].second);
    if (!s.unscoredTasks.empty())
      out += fmt::format("  {} task(s) without a complete sample, left out of the mean: {}\n", s.unscoredTasks.size(),
                         listSome(s.unscoredTasks, 12));
  }
  out += datasetText(s);
  for (const auto& r : s.modeReports) out += r.text;
  if (s.cost)
    out += fmt::format("\ncost: ${:.4f} ({} tokens in, {} out)\n", s.cost->usd, s.cost->tokensIn, s.cost->tokensOut);
  out += "\nresults: " + s.storePath + "\n";
  out += taskTable(s, perTask);
  return out;
}

std::string incompleteNote(const RunSummary& s) {
  if (!s.hasIncomplete()) return "";
  std::string why;
  if (s.incomplete.harnessError > 0)
    why += fmt::format("{} harness_error (rtlarena's own failure)", s.incomplete.harnessError);
  if (s.incomplete.llmError > 0)
    why += fmt::format("{}{} llm_error (no answer from the endpoint)", why.empty() ? "" : ", ", s.incomplete.llmError);
  int others = 0;
  for (const auto& [mode, n] : s.incompleteOtherModes) others += n;
  if (others > 0)
    why += fmt::format("{}{} harness_error in other scorings", why.empty() ? "" : ", ", others);
  std::string line = fmt::format("{} sample(s) incomplete and not scored: {}; run the same command again to retry them",
                                 s.incomplete.total() + others, why);
  if (s.incomplete.llmError > 0) line += " (add --retry-errors to ask the endpoint again for llm_error)";
  return line;
}

}  // namespace rtlarena
