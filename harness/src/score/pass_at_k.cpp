// pass@k as 1 - prod_{i=n-c+1..n} (1 - k/i), the numerically stable form of
// 1 - C(n-c, k)/C(n, k).
#include "rtlarena/score/pass_at_k.h"

#include "rtlarena/core/check.h"

namespace rtlarena {

double passAtK(int n, int c, int k) {
  RTLARENA_CHECK(n >= 1 && k >= 1 && k <= n && c >= 0 && c <= n, "passAtK needs 1 <= k <= n, 0 <= c <= n");
  if (n - c < k) return 1.0;
  double prodFail = 1.0;
  for (int i = n - c + 1; i <= n; ++i) prodFail *= 1.0 - static_cast<double>(k) / i;
  return 1.0 - prodFail;
}

ScoreSummary summarize(const std::vector<TaskTally>& tallies, const std::vector<int>& ks) {
  ScoreSummary s;
  s.tasks = static_cast<int>(tallies.size());
  if (tallies.empty()) return s;
  int minN = tallies.front().n;
  for (const auto& t : tallies) {
    s.samples += t.n;
    minN = std::min(minN, t.n);
  }
  for (int k : ks) {
    if (k > minN || minN < 1) continue;
    double sum = 0;
    std::map<std::string, std::pair<double, int>> tagSum, diffSum;
    for (const auto& t : tallies) {
      double p = passAtK(t.n, t.c, k);
      sum += p;
      for (const auto& tag : t.tags) {
        tagSum[tag].first += p;
        tagSum[tag].second += 1;
      }
      if (!t.difficulty.empty()) {
        diffSum[t.difficulty].first += p;
        diffSum[t.difficulty].second += 1;
      }
    }
    s.overall[k] = sum / static_cast<double>(tallies.size());
    for (const auto& [tag, v] : tagSum) s.byTag[tag][k] = v.first / v.second;
    for (const auto& [d, v] : diffSum) s.byDifficulty[d][k] = v.first / v.second;
  }
  return s;
}

}  // namespace rtlarena
