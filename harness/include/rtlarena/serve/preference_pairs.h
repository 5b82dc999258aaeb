// Preference pairs for DPO from a stored run (`rtlarena pairs`): for each task,
// answers with a better outcome paired with worse ones of the same task: a pass
// over a failure; among passes, the better PPA score when the run measured it.
// Read from the store, which is opened read-only.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"

namespace rtlarena {

struct PreferencePair {
  std::string taskId;
  std::string prompt;    ///< the last user message the model was sent
  std::string chosen;    ///< the better answer, as the model wrote it
  std::string rejected;  ///< the worse one
  std::string reason;    ///< "pass over mismatch", "ppa 0.82 over 1.10", ...
  int chosenSample = 0;
  int rejectedSample = 0;
};

struct PairOptions {
  int perTask = 4;          ///< pairs per task at most
  double ppaMargin = 0.05;  ///< PPA pairs only when the scores differ by this share or more
};

/// Every pair of a run, by task id then by the order the pairs were chosen.
Result<std::vector<PreferencePair>> preferencePairs(const std::filesystem::path& runDir, const PairOptions& options);

/// One JSON line: {prompt, chosen, rejected, task_id, reason, chosen_sample,
/// rejected_sample}.
std::string pairToJson(const PreferencePair& pair);

}  // namespace rtlarena
