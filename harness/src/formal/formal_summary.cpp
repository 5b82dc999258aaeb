// The summary part of assertion and nl2sva tasks, read from the store: the assertion score (the
// share of an answer's assertions proven and not vacuous, averaged over a task's samples, then
// over tasks; an answer without assertions scores 0) with every per-assertion verdict counted;
// nl2sva's syntax and functional scores reported apart, as FVEval does, with the relations; and
// what the dataset's own golden and wrong properties got (the controls).
#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "rtlarena/formal/assertion_mode.h"
#include "rtlarena/run/text_table.h"
#include "rtlarena/store/store.h"

namespace rtlarena::formal {

double meanOverTasks(const std::map<std::string, std::vector<double>>& byTask) {
  if (byTask.empty()) return 0;
  double sum = 0;
  for (const auto& [task, scores] : byTask) {
    double s = 0;
    for (double v : scores) s += v;
    sum += scores.empty() ? 0 : s / static_cast<double>(scores.size());
  }
  return sum / static_cast<double>(byTask.size());
}


namespace {

using nlohmann::json;

struct Side {
  std::map<std::string, std::vector<double>> scoreByTask;  ///< assertion: share proven per sample
  std::map<std::string, int> verdicts;                     ///< per assertion
  int answers = 0, syntaxOk = 0, equivalent = 0;           ///< nl2sva
  std::map<std::string, int> relations;
  int nl2svaAnswers() const { return answers; }
};

std::string pct(double v) { return fmt::format("{:.1f}%", v * 100); }

}  // namespace

Result<std::optional<ModeReport>> formalSummary(Store& store) {
  auto taskRows = store.extras("task");
  if (!taskRows) return taskRows.error();
  std::map<std::string, std::string> kindOf;
  for (const auto& [id, text] : *taskRows) {
    json meta = json::parse(text, nullptr, false);
    if (meta.is_object()) kindOf[id] = meta.value("kind", std::string());
  }
  auto details = store.extras(kFormalDetailKind);
  if (!details) return details.error();
  std::map<std::string, json> detailOf;
  for (const auto& [key, text] : *details) detailOf[key] = json::parse(text, nullptr, false);

  std::map<std::string, Side> sides;  // "native" (the model), "golden", "control"
  bool any = false;
  for (const char* row : {kNativeMode, "golden", "control"}) {
    auto rows = store.evaluations(row);
    if (!rows) return rows.error();
    Side& side = sides[row];
    for (const auto& r : *rows) {
      auto kind = kindOf.find(r.taskId);
      if (kind == kindOf.end() || (kind->second != "assertion" && kind->second != "nl2sva") || !isComplete(r.eval)) continue;
      any = true;
      const json& d = detailOf[std::string(row) + ":" + r.taskId + "#" + std::to_string(r.sample)];
      if (kind->second == "assertion") {
        side.scoreByTask[r.taskId].push_back(d.is_object() ? d.value("score", 0.0) : 0.0);
        const json counts = d.is_object() ? d.value("counts", json::object()) : json::object();
        for (const auto& [v, n] : counts.items())
          if (n.is_number()) side.verdicts[v] += n.get<int>();
      } else {
        side.answers += 1;
        const bool syntaxOk = d.is_object() && d.value("syntax_ok", false);
        side.syntaxOk += syntaxOk ? 1 : 0;
        side.equivalent += r.eval.passed() ? 1 : 0;
        const std::string rel = d.is_object() && d["relation"].is_string() ? d["relation"].get<std::string>()
                                : syntaxOk                                   ? "unrelated"
                                                                             : "no_valid_assertion";
        side.relations[rel] += 1;
      }
    }
  }
  if (!any) return std::optional<ModeReport>();

  json out = json::object();
  std::string text = "\n";
  TextTable table({"formal", "score", "answers", "detail"});
  for (const char* rowName : {kNativeMode, "golden", "control"}) {
    const std::string row = rowName;
    const Side& side = sides[row];
    if (!side.scoreByTask.empty()) {
      int answers = 0;
      for (const auto& [t, v] : side.scoreByTask) answers += static_cast<int>(v.size());
      std::string counts;
      for (const auto& [v, n] : side.verdicts) counts += (counts.empty() ? "" : " ") + v + ":" + std::to_string(n);
      const double score = meanOverTasks(side.scoreByTask);
      out[row]["assertion_score"] = score;
      out[row]["assertion_answers"] = answers;
      out[row]["assertion_verdicts"] = side.verdicts;
      const std::string who = row == kNativeMode ? "assertions proven (model)"
                              : row == "golden"  ? "assertions proven (golden)"
                                                 : "assertions proven (wrong ones)";
      table.add({who, pct(score), std::to_string(answers), counts});
    }
    if (side.answers > 0) {
      const double syntax = static_cast<double>(side.syntaxOk) / side.answers;
      const double func = static_cast<double>(side.equivalent) / side.answers;
      std::string rels;
      for (const auto& [r, n] : side.relations) rels += (rels.empty() ? "" : " ") + r + ":" + std::to_string(n);
      out[row]["nl2sva_syntax"] = syntax;
      out[row]["nl2sva_functional"] = func;
      out[row]["nl2sva_answers"] = side.answers;
      out[row]["nl2sva_relations"] = side.relations;
      const std::string who = row == kNativeMode ? "nl2sva" : row == "golden" ? "nl2sva (reference)" : "nl2sva (changed)";
      table.add({who + " syntax", pct(syntax), std::to_string(side.answers), ""});
      table.add({who + " functional", pct(func), std::to_string(side.answers), rels});
    }
  }
  text += table.render();
  ModeReport report;
  report.name = "formal";
  report.jsonText = out.dump();
  report.text = text;
  return std::optional<ModeReport>(std::move(report));
}

}  // namespace rtlarena::formal
