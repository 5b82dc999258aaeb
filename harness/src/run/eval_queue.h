// The one queue of a run's evaluations: (task, subject, mode) jobs on the worker pool. Each
// subject goes through every mode that wants it, a mode after its upstream; identical
// (task, mode, input) are evaluated once and shared by every subject that asks, controls and
// samples alike; what the store already holds is reused, not evaluated. Results are stored as
// they come.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <tuple>
#include <vector>

#include "rtlarena/core/worker_pool.h"
#include "rtlarena/run/control_cache.h"
#include "rtlarena/run/eval_mode.h"
#include "rtlarena/run/progress.h"

namespace rtlarena {

class EvalQueue {
 public:
  /// `stored`: what the store holds (read once before anything is submitted).
  /// `controls`: where control verdicts are kept across runs (null: nowhere).
  EvalQueue(const std::vector<std::unique_ptr<EvalMode>>& modes, Store& store, WorkerPool& pool, StoredResults stored,
            Progress& progress, const ControlCache* controls = nullptr);
  /// Judges a subject of `task` (which must outlive the queue) in every mode that wants it.
  /// Thread-safe.
  void submit(const Task& task, Subject subject);

  struct Counts {
    int evaluated = 0;  ///< inputs evaluated now for the model's samples
    int derived = 0;    ///< ... of which read from an upstream run instead
    int reused = 0;     ///< samples that took an identical input's result
    int controlsCached = 0;  ///< control results read from the control cache
  };
  Counts counts(ModeId mode);
  double toolSeconds();
  /// The first store error or fatal mode failure, if any (after the pool drained).
  std::optional<Error> error();

 private:
  using SubjectPtr = std::shared_ptr<const Subject>;
  using ResultPtr = std::shared_ptr<const ModeResult>;
  using Key = std::tuple<std::string, ModeId, bool, std::string>;  // task, mode, trusted, input hash
  using Then = std::function<void(const ModeResult&, bool reused)>;
  struct Cell {
    bool done = false;
    ModeResult result;
    std::vector<Then> waiters;
  };

  void start(const EvalMode& mode, const Task& task, SubjectPtr subject, ResultPtr upstream);
  void run(const EvalMode& mode, const Task& task, SubjectPtr subject, ModeJob job, ResultPtr upstream);
  void record(const EvalMode& mode, const Task& task, SubjectPtr subject, ModeResult result);
  void finished(const EvalMode& mode, const Task& task, SubjectPtr subject, ResultPtr result);
  void fail(const Error& error);

  const std::vector<std::unique_ptr<EvalMode>>& modes_;
  const ControlCache* controls_;
  Store& store_;
  WorkerPool& pool_;
  const StoredResults stored_;
  Progress& progress_;
  std::mutex mutex_;
  std::map<Key, Cell> memo_;
  std::map<ModeId, Counts> counts_;
  double toolSeconds_ = 0;
  std::optional<Error> error_;
};

}  // namespace rtlarena
