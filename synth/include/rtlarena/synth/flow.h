// The PPA flow of one design. Stages, in order:
//   cache → source checks → Yosys (area, cells, ports) → activity simulation (optional) →
//   OpenSTA (delay, slack, power) → cache
// Source checks come first because Yosys drops simulation-only constructs silently; activity
// needs the ports Yosys found; STA needs the mapped netlist and the activity.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/synth/activity.h"
#include "rtlarena/synth/cache.h"
#include "rtlarena/synth/flow_settings.h"
#include "rtlarena/synth/ppa_report.h"
#include "rtlarena/tasks/task.h"

namespace rtlarena::synth {

struct DesignInput {
  std::vector<SourceFile> sources;  ///< every file of the design (no testbench)
  std::string top;
  std::optional<ActivityProbe> activity;  ///< measure input activity by simulation
};

class PpaFlow {
 public:
  explicit PpaFlow(FlowOptions options);

  /// Runs (or fetches from the cache) the flow for one design. Thread-safe. Error only for
  /// harness failures: a tool is missing, the job directory cannot be written.
  Result<PpaReport> run(const DesignInput& design) const;

  /// The cached report of a design, if any (no tool runs). Error as for run().
  Result<std::optional<PpaReport>> cached(const DesignInput& design) const;

  /// SHA-256 of everything that defines the report: flow version, tool versions, liberty
  /// contents, settings, top, sources and the activity testbench.
  Result<std::string> cacheKey(const DesignInput& design) const;

  const FlowOptions& options() const { return options_; }

 private:
  Result<PpaReport> runUncached(const DesignInput& design) const;
  FlowOptions options_;
  PpaCache cache_;
};

}  // namespace rtlarena::synth
