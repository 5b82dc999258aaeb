// Unbiased pass@k (Chen et al. 2021) and aggregation per task, tag and overall.
#pragma once

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

struct ScoreSummary {
  std::map<int, double> overall;                           ///< k -> mean pass@k over tasks
  std::map<std::string, std::map<int, double>> byTag;      ///< tag -> k -> pass@k
  std::map<std::string, std::map<int, double>> byDifficulty;
  int tasks = 0;
  int samples = 0;
};

/// pass@k for each k in ks where every task has n >= k.
ScoreSummary summarize(const std::vector<TaskTally>& tallies, const std::vector<int>& ks = {1, 5, 10});

}  // namespace rtlarena
