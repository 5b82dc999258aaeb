// The summary part of `--assert-mutants N`, read from the store: each answer's mutation score
// (caught / non-equivalent mutants of its task's design), averaged over a task's samples, then
// over tasks, for the model and for the golden properties; answers whose task has no
// non-equivalent mutant have no score and are counted apart, and so are the mutants the judge
// could not decide (set aside) and those proved equivalent.
#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

#include "rtlarena/formal/assertion_mode.h"
#include "rtlarena/run/text_table.h"
#include "rtlarena/store/store.h"

namespace rtlarena::formal {

namespace {

using nlohmann::json;

struct Side {
  std::map<std::string, std::vector<double>> scoreByTask;
  int answers = 0, unscored = 0, caught = 0, nonEquivalent = 0;
};

struct TaskMutants {
  int mutants = 0, equivalent = 0, unknown = 0, nonEquivalent = 0;
};

}  // namespace

Result<std::optional<ModeReport>> assertMutantsSummary(Store& store) {
  auto extras = store.extras(kAssertMutantsMode);
  if (!extras) return extras.error();
  std::map<std::string, json> detail;
  for (const auto& [key, text] : *extras) detail[key] = json::parse(text, nullptr, false);

  std::map<std::string, Side> sides;
  std::map<std::string, TaskMutants> tasks;  // the same mutants for every answer of a task
  int mutantsAsked = 0, seed = 0;
  bool any = false;
  for (const std::string& row : {std::string(kAssertMutantsMode), "golden-" + std::string(kAssertMutantsMode)}) {
    auto rows = store.evaluations(row);
    if (!rows) return rows.error();
    Side& side = sides[row];
    for (const auto& r : *rows) {
      if (!isComplete(r.eval)) continue;
      any = true;
      side.answers += 1;
      auto it = detail.find(row + ":" + r.taskId + "#" + std::to_string(r.sample));
      const json d = it == detail.end() ? json() : it->second;
      // An answer refused or without assertions catches nothing: it scores 0 when its task has faults.
      if (!d.is_object()) {
        side.scoreByTask[r.taskId].push_back(0.0);
        continue;
      }
      mutantsAsked = d.value("mutants_asked", 0);
      seed = d.value("seed", 0);
      TaskMutants& t = tasks[r.taskId];
      t = {d.value("mutants", 0), d.value("equivalent", 0), d.value("unknown", 0), d.value("non_equivalent", 0)};
      if (!d["score"].is_number()) {
        side.unscored += 1;
        continue;
      }
      side.scoreByTask[r.taskId].push_back(d["score"].get<double>());
      side.caught += d.value("caught", 0);
      side.nonEquivalent += d.value("non_equivalent", 0);
    }
  }
  if (!any) return std::optional<ModeReport>();
  // Refused answers of tasks without faults were given 0 above; they have no score either.
  for (auto& [row, side] : sides)
    for (auto it = side.scoreByTask.begin(); it != side.scoreByTask.end();) {
      auto t = tasks.find(it->first);
      if (t != tasks.end() && t->second.nonEquivalent == 0) {
        side.unscored += static_cast<int>(it->second.size());
        it = side.scoreByTask.erase(it);
      } else {
        ++it;
      }
    }

  TaskMutants total;
  for (const auto& [id, t] : tasks) {
    total.mutants += t.mutants;
    total.equivalent += t.equivalent;
    total.unknown += t.unknown;
    total.nonEquivalent += t.nonEquivalent;
  }
  json out = {{"mutants_asked", mutantsAsked},
              {"seed", seed},
              {"tasks", tasks.size()},
              {"mutants", total.mutants},
              {"equivalent", total.equivalent},
              {"unknown", total.unknown},
              {"non_equivalent", total.nonEquivalent}};
  TextTable table({"assertions by mutants", "score", "answers", "detail"});
  for (const auto& [row, side] : sides) {
    if (side.answers == 0) continue;
    const bool golden = row != kAssertMutantsMode;
    const double score = meanOverTasks(side.scoreByTask);
    out[golden ? "golden" : "model"] = {{"score", side.scoreByTask.empty() ? json(nullptr) : json(score)},
                                        {"answers", side.answers},
                                        {"unscored", side.unscored},
                                        {"caught", side.caught},
                                        {"non_equivalent", side.nonEquivalent}};
    table.add({golden ? "mutation score (golden)" : "mutation score (model)",
               side.scoreByTask.empty() ? "-" : fmt::format("{:.1f}%", score * 100), std::to_string(side.answers),
               fmt::format("caught {}/{}{}", side.caught, side.nonEquivalent,
                           side.unscored ? fmt::format(", {} without a score", side.unscored) : "")});
  }
  std::string text = fmt::format(
      "\n  mutants ({} per task, seed {}): {} over {} task(s): {} equivalent and {} unknown set aside, {} not equivalent\n",
      mutantsAsked, seed, total.mutants, tasks.size(), total.equivalent, total.unknown, total.nonEquivalent);
  text += table.render();
  ModeReport report;
  report.name = kAssertMutantsMode;
  report.jsonText = out.dump();
  report.text = text;
  return std::optional<ModeReport>(std::move(report));
}

}  // namespace rtlarena::formal
