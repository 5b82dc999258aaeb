#include "second_judge_tally.h"

#include <map>

#include "rtlarena/run/summary.h"

namespace rtlarena {

SecondJudgeTally tallySecondJudge(const std::vector<EvalRecord>& judged, const std::vector<EvalRecord>& native,
                                  const std::function<bool(const Evaluation&)>& differs) {
  std::map<std::pair<std::string, int>, const Evaluation*> nativeOf;
  for (const auto& e : native) nativeOf[{e.taskId, e.sample}] = &e.eval;
  SecondJudgeTally t;
  std::map<std::string, std::pair<int, int>> perTask;  // task -> (passed, complete)
  for (const auto& j : judged) {
    if (!isComplete(j.eval)) {
      ++t.incomplete;
      continue;
    }
    auto& [passed, complete] = perTask[j.taskId];
    ++complete;
    if (j.eval.passed()) ++passed;
    auto it = nativeOf.find({j.taskId, j.sample});
    if (it == nativeOf.end()) continue;
    const std::string where = j.taskId + "#" + std::to_string(j.sample);
    if (it->second->passed() && differs(j.eval)) t.escapes.push_back({where, j.eval.message});
    if (!it->second->passed() && isComplete(*it->second) && j.eval.passed())
      t.reverse.push_back({where, std::string(verdictName(it->second->verdict))});
  }
  double sum = 0;
  for (const auto& [task, counts] : perTask) sum += static_cast<double>(counts.first) / counts.second;
  t.passAt1 = perTask.empty() ? 0 : sum / static_cast<double>(perTask.size());
  return t;
}

}  // namespace rtlarena
