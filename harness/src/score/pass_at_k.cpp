// pass@k as 1 - prod_{i=n-c+1..n} (1 - k/i), the numerically stable form of
// 1 - C(n-c, k)/C(n, k).
#include "rtlarena/score/pass_at_k.h"

#include <algorithm>
#include <cmath>

#include "rtlarena/core/check.h"

namespace rtlarena {

double passAtK(int n, int c, int k) {
  RTLARENA_CHECK(n >= 1 && k >= 1 && k <= n && c >= 0 && c <= n, "passAtK needs 1 <= k <= n, 0 <= c <= n");
  if (n - c < k) return 1.0;
  double prodFail = 1.0;
  for (int i = n - c + 1; i <= n; ++i) prodFail *= 1.0 - static_cast<double>(k) / i;
  return 1.0 - prodFail;
}

namespace {

// splitmix64: a small generator of our own whose sequence is the same on every standard
// library (std::uniform_int_distribution is not).
std::uint64_t nextRandom(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace

Interval bootstrapPassAtK(const std::vector<TaskTally>& tallies, int k, int resamples, std::uint64_t seed) {
  if (tallies.empty() || resamples < 1) return {};
  std::vector<double> perTask;
  perTask.reserve(tallies.size());
  for (const auto& t : tallies) perTask.push_back(passAtK(t.n, t.c, k));
  const std::size_t n = perTask.size();
  std::vector<double> means(static_cast<std::size_t>(resamples));
  std::uint64_t state = seed;
  for (auto& mean : means) {
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) sum += perTask[(nextRandom(state) >> 11) % n];
    mean = sum / static_cast<double>(n);
  }
  std::sort(means.begin(), means.end());
  // Nearest-rank percentiles 2.5 and 97.5.
  auto rank = [&](double q) {
    auto r = static_cast<std::size_t>(std::ceil(q * static_cast<double>(means.size())));
    return means[std::clamp<std::size_t>(r, 1, means.size()) - 1];
  };
  return {rank(0.025), rank(0.975)};
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
    s.overallCi[k] = bootstrapPassAtK(tallies, k);
    for (const auto& [tag, v] : tagSum) s.byTag[tag][k] = v.first / v.second;
    for (const auto& [d, v] : diffSum) s.byDifficulty[d][k] = v.first / v.second;
  }
  return s;
}

}  // namespace rtlarena
