// Unbiased pass@k (Chen et al. 2021) and aggregation per task, tag and overall.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace rtlarena {

/// 1 - C(n-c, k) / C(n, k), computed as a stable product. Requires 1 <= k <= n, 0 <= c <= n.
double passAtK(int n, int c, int k);

struct TaskTally {
  std::string taskId;
  std::vector<std::string> tags;
  std::string difficulty;
  int n = 0;  ///< samples
  int c = 0;  ///< passing samples
};

/// A confidence interval of a mean.
struct Interval {
  double low = 0;
  double high = 0;
};

/// The seed of every bootstrap, so that `run`, `report` and any other reader print the same
/// interval for the same store.
inline constexpr std::uint64_t kBootstrapSeed = 20210707;

/// The 95% percentile-bootstrap interval of mean pass@k over tasks: the tasks are resampled
/// with replacement `resamples` times from a fixed seed (deterministic on every platform).
/// Requires every task's n >= k; an empty list gives {0, 0}.
Interval bootstrapPassAtK(const std::vector<TaskTally>& tallies, int k, int resamples = 1000,
                          std::uint64_t seed = kBootstrapSeed);

struct ScoreSummary {
  std::map<int, double> overall;                           ///< k -> mean pass@k over tasks
  std::map<int, Interval> overallCi;                       ///< k -> 95% bootstrap interval over tasks
  std::map<std::string, std::map<int, double>> byTag;      ///< tag -> k -> pass@k
  std::map<std::string, std::map<int, double>> byDifficulty;
  int tasks = 0;
  int samples = 0;
};

/// pass@k for each k in ks where every task has n >= k.
ScoreSummary summarize(const std::vector<TaskTally>& tallies, const std::vector<int>& ks = {1, 5, 10});

}  // namespace rtlarena
