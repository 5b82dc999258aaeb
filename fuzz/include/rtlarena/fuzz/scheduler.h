// Arm schedulers: which seed family (arm) the campaign pulls next. One interface, one file
// per algorithm under src/schedulers/, looked up by name. Rewards reach a scheduler already
// mapped into [0, 1] (campaign.cpp says how).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/fuzz/rng.h"

namespace rtlarena::fuzz {

struct SchedulerParams {
  double epsilon = 0.2;       ///< egreedy (MABFuzz)
  double exp3Eta = 0.1;       ///< exp3 (MABFuzz)
  unsigned window = 50;       ///< swucb: pulls remembered
  double discount = 0.95;     ///< ducb
  double ucbScale = 1.0;      ///< exploration weight of the UCB family
};

/// How the campaign lays out test queues for a scheduler. The bandits get MABFuzz's K seed
/// families, each (re)seeded with one fresh program and 9 mutants of it. A static baseline may
/// ask for TheHuzz's layout instead: one first-in first-out queue, refilled with a batch of
/// fresh programs when it runs dry and topped up with a batch after every `injectSeedsEvery`
/// mutants, so that the search keeps reaching new parts of the design.
struct QueueLayout {
  unsigned arms = 0;              ///< 0: as configured (--arms)
  unsigned seedBatch = 0;         ///< fresh programs per (re)seed; 0: one program + 9 mutants
  uint64_t injectSeedsEvery = 0;  ///< 0: never
};

class Scheduler {
 public:
  virtual ~Scheduler() = default;
  virtual std::string_view name() const = 0;
  /// Called once with the number of arms before any other call.
  virtual void init(unsigned arms) = 0;
  virtual unsigned select(Rng& rng) = 0;
  /// `reward` in [0, 1] for the arm just pulled.
  virtual void update(unsigned arm, double reward) = 0;
  /// The arm got a fresh seed: forget what was learnt about it.
  virtual void resetArm(unsigned arm) = 0;
  /// Whether arms that stopped paying (the gamma rule) are reset. The static baseline
  /// resets an arm only when its queue runs dry.
  virtual bool plateauResets() const { return true; }
  /// The queue layout this scheduler runs on.
  virtual QueueLayout queueLayout() const { return {}; }
  /// The current value estimate per arm, for the arm statistics.
  virtual std::vector<double> estimates() const = 0;
};

/// Known names: thehuzz, uniform, egreedy, ucb1, exp3, thompson, swucb, ducb.
Result<std::unique_ptr<Scheduler>> makeScheduler(const std::string& name, const SchedulerParams& params = {});
std::vector<std::string> schedulerNames();

}  // namespace rtlarena::fuzz
