// What the summary says about a second judge (equivalence, differential) beside the testbench:
// its pass@1 over the samples it completed, and the samples where the two disagree.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "rtlarena/store/store.h"

namespace rtlarena {

struct SecondJudgeTally {
  double passAt1 = 0;  ///< mean over tasks of (judged passes / judged complete)
  int incomplete = 0;
  /// Passed the testbench, but the second judge says the design differs: "TASK#N" and its reason.
  std::vector<std::pair<std::string, std::string>> escapes;
  /// The second judge passes it, the testbench failed it: "TASK#N" and the testbench's verdict.
  std::vector<std::pair<std::string, std::string>> reverse;
};

/// `differs` says which of the judge's complete verdicts show the design differs from the
/// reference (an `unknown` proof is neither a pass nor a difference).
SecondJudgeTally tallySecondJudge(const std::vector<EvalRecord>& judged, const std::vector<EvalRecord>& native,
                                  const std::function<bool(const Evaluation&)>& differs);

}  // namespace rtlarena
