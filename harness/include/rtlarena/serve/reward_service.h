// The reward service behind `rtlarena serve`, without HTTP: a task set, a
// bounded queue of evaluations on a worker pool, identical (task, code) joined
// while in flight and cached afterwards (LRU), and the modes of the run
// pipeline (native, then reward) doing the scoring. A request is admitted whole
// or refused whole (overloaded, unknown task, draining).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <future>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "rtlarena/core/worker_pool.h"
#include "rtlarena/run/eval_mode.h"
#include "rtlarena/serve/metrics.h"
#include "rtlarena/serve/reward.h"
#include "rtlarena/serve/serve_config.h"

namespace rtlarena {

/// The reward of one answer, as the service returns it.
struct ScoredItem {
  std::string taskId;
  Evaluation eval;  ///< the native verdict
  RewardBreakdown reward;
  std::string extractMethod;  ///< how the code was found in the answer
  bool cached = false;        ///< no evaluation was run for this request (cache or
                              ///< in-flight join)
  std::string error;          ///< rtlarena's own failure (then the reward is 0 and not cached)
  std::string functionJudge = "testbench";  ///< what decided the function component
  /// The function judge's own verdict as a JSON object ({verdict, class, message, samples,
  /// mismatches, seconds}); empty when the testbench decided or the judge did not run.
  std::string functionDetail;
  double functionSeconds = 0;  ///< the function judge's wall time (beside eval.wallSeconds)
};

struct ServiceOptions {
  unsigned workers = 2;
  ServerLimits limits;
  ModeConfig modes;  ///< evaluation options and the reward config
};

class RewardService {
 public:
  /// Makes the modes (their checks run here: missing tools fail now, not per
  /// request).
  static Result<std::unique_ptr<RewardService>> create(std::vector<Task> tasks, ServiceOptions options);
  ~RewardService();

  struct Item {
    std::string taskId;
    std::string response;  ///< the raw answer; the code is extracted as `run`
                           ///< extracts it
  };
  enum class Refusal { None, UnknownTask, Overloaded, Draining };
  struct Admission {
    Refusal refusal = Refusal::None;
    std::string message;                                  ///< for a refusal: one line naming what was wrong
    std::vector<std::shared_future<ScoredItem>> results;  ///< one per item, in order
    std::vector<bool> cached;
  };
  /// Admits every item or none. Thread-safe.
  Admission submit(const std::vector<Item>& items);

  const std::vector<Task>& tasks() const { return tasks_; }
  ServeMetrics& metrics() { return metrics_; }
  std::size_t queueDepth();
  std::size_t cacheSize();
  const ServiceOptions& options() const { return options_; }
  /// Refuses new work from now on; waitIdle() then returns when what was
  /// admitted is done.
  void beginDrain();
  void waitIdle();
  bool draining();

 private:
  RewardService(std::vector<Task> tasks, ServiceOptions options, std::vector<std::unique_ptr<EvalMode>> modes);
  ScoredItem score(const Task& task, const Subject& subject) const;
  /// The function judge's name: part of every cache and in-flight key, so answers judged
  /// differently never share a reward.
  std::string judgeOf(const Task& task) const;
  void finish(const std::string& key, ScoredItem item, const std::shared_ptr<std::promise<ScoredItem>>& promise);

  std::vector<Task> tasks_;
  std::map<std::string, const Task*> byId_;
  ServiceOptions options_;
  std::vector<std::unique_ptr<EvalMode>> modes_;  ///< upstream first
  ServeMetrics metrics_;

  std::mutex mutex_;
  std::condition_variable idle_;
  bool draining_ = false;
  std::size_t pending_ = 0;
  std::unordered_map<std::string, std::shared_future<ScoredItem>> inFlight_;
  std::unordered_map<std::string, std::string> rawIndex_;  ///< (task, answer hash) → (task, code) key
  std::list<std::pair<std::string, ScoredItem>> lru_;  ///< most recent first
  std::unordered_map<std::string, std::list<std::pair<std::string, ScoredItem>>::iterator> cache_;
  WorkerPool pool_;  ///< last: its threads stop before the rest is destroyed
};

}  // namespace rtlarena
