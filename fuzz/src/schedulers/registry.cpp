// Scheduler names to factories. Adding an algorithm: one file in this folder and one line.
#include <functional>
#include <map>

#include "rtlarena/fuzz/scheduler.h"
#include "schedulers.h"

namespace rtlarena::fuzz {

namespace {
using Factory = std::function<std::unique_ptr<Scheduler>(const SchedulerParams&)>;
const std::vector<std::pair<std::string, Factory>>& factories() {
  static const std::vector<std::pair<std::string, Factory>> f = {
      {"thehuzz", makeTheHuzz}, {"uniform", makeUniform}, {"egreedy", makeEpsilonGreedy}, {"ucb1", makeUcb1},
      {"exp3", makeExp3},       {"thompson", makeThompson},     {"swucb", makeSlidingWindowUcb},
      {"ducb", makeDiscountedUcb}};
  return f;
}
}  // namespace

Result<std::unique_ptr<Scheduler>> makeScheduler(const std::string& name, const SchedulerParams& params) {
  for (const auto& [n, f] : factories())
    if (n == name) return f(params);
  std::string known;
  for (const auto& n : schedulerNames()) known += (known.empty() ? "" : ", ") + n;
  return makeError(ErrorCode::BadArgument, "unknown --algo '" + name + "' (known: " + known + ")");
}

std::vector<std::string> schedulerNames() {
  std::vector<std::string> out;
  for (const auto& [n, f] : factories()) out.push_back(n);
  return out;
}

}  // namespace rtlarena::fuzz
