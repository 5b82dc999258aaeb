// A fuzzing campaign as in MABFuzz: K arms, each a seed family with its own test queue and
// local coverage; a scheduler picks the arm to pull; a pull runs up to `pullSize` tests of
// that arm; the reward is alpha * (points new to the arm) + (1 - alpha) * (points new to
// the campaign); an arm whose last gamma pulls found no point new to the campaign (or whose
// queue is empty) is reset with a fresh seed. In: a Runner (DUT + model), a Scheduler,
// options. Out: coverage over time, arm statistics, de-duplicated mismatches and the corpus
// of tests that found coverage.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "rtlarena/fuzz/coverage_map.h"
#include "rtlarena/fuzz/generator.h"
#include "rtlarena/fuzz/lockstep.h"
#include "rtlarena/fuzz/mutators.h"
#include "rtlarena/fuzz/runner.h"
#include "rtlarena/fuzz/scheduler.h"

namespace rtlarena::fuzz {

struct CampaignOptions {
  uint64_t seed = 1;
  double timeSeconds = 0;   ///< 0 = no time budget
  uint64_t maxTests = 0;    ///< 0 = no test budget (one of the two must be set)
  unsigned arms = 10;
  unsigned pullSize = 10;
  unsigned gamma = 1;
  /// What the gamma rule counts as "found something": false = only points new to the
  /// campaign; true = any reward, arm-local points included. A pull runs `pullSize` tests,
  /// so a family nearly always finds some point new to itself and, counted that way, is
  /// almost never reset (17 resets in 5,000 tests on p5 against 60).
  bool gammaCountsLocal = false;
  double alpha = 0.25;
  bool rewardPerCycle = false;  ///< divide a pull's reward by the kilocycles it simulated
  double rewardScale = 2.0;     ///< reward in points mapped to [0,1] as 1 - exp(-R / scale)
  unsigned queueCap = 256;
  bool stopOnMismatch = false;  ///< end at the first divergence (time-to-bug runs)
  double sampleEverySeconds = 0.25;  ///< coverage-over-time resolution (also every 1000 tests)
  GeneratorOptions generator;
  MutatorOptions mutator;
  std::vector<Program> imported;  ///< --corpus-from: seeds from another core's corpus
  std::function<void(const struct CampaignProgress&)> progress;  ///< about once a second
  /// Mutant campaigns: true when the unmutated core shows the same divergence on the program,
  /// which then is the core's own deviation, not a find (counted in `sharedWithOriginal`).
  std::function<bool(const Program&, const Divergence&)> originalShares;
};

struct CampaignProgress {
  uint64_t tests = 0, retired = 0, cycles = 0;
  double seconds = 0;
  size_t coverage = 0, points = 0;
  uint64_t mismatches = 0;
  size_t unique = 0;
};

struct CurveSample {
  uint64_t tests = 0;
  double seconds = 0;
  uint64_t cycles = 0;
  size_t coverage = 0;
  uint64_t mismatches = 0;
  std::vector<uint64_t> armTests;  ///< tests each arm has run so far (arm selection over time)
};

struct ArmStats {
  uint64_t pulls = 0, tests = 0, resets = 0, lifetimePulls = 0;
  double reward = 0;         ///< sum of mapped rewards over all lives
  double rawReward = 0;      ///< sum of alpha-weighted point counts
  size_t globalNew = 0;      ///< points this arm found first
  uint64_t importedSeeds = 0;
  double estimate = 0;       ///< the scheduler's final estimate
};

struct Mismatch {
  std::string signature;
  Program program;
  Divergence divergence;
  uint64_t count = 0;
  uint64_t firstTest = 0;    ///< 1-based test number of the first occurrence
  double firstSeconds = 0;
  std::optional<Program> minimized;
  std::optional<Divergence> minimizedDivergence;
};

struct CampaignResult {
  std::string algo;
  uint64_t seed = 0;
  uint64_t tests = 0, retired = 0, cycles = 0;
  double seconds = 0;
  size_t coverage = 0, points = 0, baseline = 0;  ///< baseline: points a NOP program covers
  uint64_t mismatches = 0;                          ///< tests that diverged
  uint64_t sharedWithOriginal = 0;                  ///< divergences the unmutated core shows too
  std::vector<Mismatch> unique;                     ///< by first occurrence
  std::vector<CurveSample> curve;
  std::vector<ArmStats> arms;
  std::vector<Program> corpus;                      ///< tests that found campaign-new points
  uint64_t importedChosen = 0, freshChosen = 0;
  std::vector<uint8_t> covered;                     ///< final coverage bitmap (1 = hit)
};

class Campaign {
 public:
  Campaign(Runner& runner, Scheduler& scheduler, const IsaOptions& isa, CampaignOptions options);
  CampaignResult run();

 private:
  Runner& runner_;
  Scheduler& scheduler_;
  IsaOptions isa_;
  CampaignOptions options_;
};

}  // namespace rtlarena::fuzz
