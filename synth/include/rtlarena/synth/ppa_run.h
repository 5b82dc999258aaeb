// PPA inside a benchmark run (`rtlarena run --ppa`, the mode in ppa_mode.h): for a passing
// sample the candidate and the task's reference go through the same flow, with activity from
// the task's testbench; the pair is stored as Store extra ("ppa", "<task>/<sample>").
#pragma once

#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/eval/verdict.h"
#include "rtlarena/store/store.h"
#include "rtlarena/synth/flow.h"
#include "rtlarena/synth/score.h"
#include "rtlarena/tasks/task.h"

namespace rtlarena::synth {

inline constexpr const char* kPpaExtraKind = "ppa";

struct PpaRunOptions {
  FlowOptions flow;                           ///< settings.clockPeriodNs is the default period
  std::optional<double> clockPeriodOverride;  ///< --clock-period: the same for every task
  bool simulationActivity = true;             ///< measure activity with the task's testbench
};

/// The clock period for a task: the override, else task.json's "ppa": {"clock_period_ns": N},
/// else the default.
double taskClockPeriod(const Task& task, const PpaRunOptions& options);

class PpaRunner {
 public:
  explicit PpaRunner(PpaRunOptions options);

  /// Checks once that the tools and the liberty are there, so a run fails before it starts.
  Status preflight() const;

  /// PPA of one candidate and of the task's reference. Thread-safe.
  Result<SamplePpa> evaluate(const Task& task, int sample, const std::string& code);

 private:
  Result<PpaReport> reference(const Task& task);
  PpaFlow flowFor(const Task& task) const;
  PpaRunOptions options_;
  mutable std::mutex mutex_;
  std::map<std::string, std::shared_future<Result<PpaReport>>> references_;
};

/// Reads the stored PPA entries of a run and summarizes them.
Result<PpaSummary> loadPpaSummary(Store& store);

}  // namespace rtlarena::synth
