// PPA scoring against the task's reference (docs/PPA.md has the formula). Ratios are
// candidate / reference, so below 1 is better than the reference. Each figure is floored
// before dividing, so a design with no timed path or no power does not divide by zero.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "rtlarena/synth/ppa_report.h"

namespace rtlarena::synth {

/// Floors applied to both sides of a ratio.
inline constexpr double kAreaFloorUm2 = 1.0;
inline constexpr double kDelayFloorNs = 0.01;
inline constexpr double kPowerFloorUw = 0.001;

struct PpaRatios {
  double area = 1;
  double delay = 1;
  double power = 1;
  /// Geometric mean of the three ratios: 1 = like the reference, 0.5 = twice as good.
  double score() const;
  /// Strictly better than the reference on all three.
  bool beatsAll() const;
};

/// Ratios of two Ok reports.
PpaRatios ppaRatios(const PpaReport& candidate, const PpaReport& reference);

/// PPA of one passing sample as stored with the run (Store extra "ppa", key "<task>/<sample>").
struct SamplePpa {
  std::string taskId;
  int sample = 0;
  PpaReport candidate;
  PpaReport reference;
  bool scored = false;   ///< both reports are Ok, `ratios` is valid
  PpaRatios ratios;
};

std::string samplePpaToJson(const SamplePpa& s);
Result<SamplePpa> samplePpaFromJson(std::string_view json);

struct TaskPpa {
  std::string taskId;
  int samples = 0;        ///< passing samples with PPA
  int scored = 0;         ///< of which both candidate and reference have figures
  PpaRatios ratios;       ///< geometric mean over scored samples
  int surpassingSamples = 0;
  bool surpassing = false;  ///< some sample beats the reference on all three
  double candidateArea = 0, candidateDelay = 0, candidatePower = 0;  ///< geometric means
  double referenceArea = 0, referenceDelay = 0, referencePower = 0;
  std::string verdictNote;  ///< e.g. "2 unsynthesizable (latch)"
};

struct PpaSummary {
  std::vector<TaskPpa> tasks;  ///< tasks with at least one passing sample, by id
  int samples = 0;             ///< passing samples with a PPA entry
  int scored = 0;
  std::map<std::string, int> verdicts;  ///< candidate PPA status -> count
  PpaRatios geomean;           ///< over tasks with scored samples
  int scoredTasks = 0;
  int humanSurpassing = 0;     ///< tasks where some sample beats the reference on all three
};

PpaSummary summarizePpa(const std::vector<SamplePpa>& samples);

}  // namespace rtlarena::synth
