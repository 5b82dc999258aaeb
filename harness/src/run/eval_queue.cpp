// The memoized evaluation queue (see eval_queue.h). A job's result reaches every subject that
// asked for the same input under one lock, so no subject can miss it: a subject that asks
// while the input is being evaluated waits in the cell's list; one that asks later reads it.
#include "eval_queue.h"

#include "rtlarena/core/hash.h"

namespace rtlarena {

EvalQueue::EvalQueue(const std::vector<std::unique_ptr<EvalMode>>& modes, Store& store, WorkerPool& pool,
                     StoredResults stored, Progress& progress, const ControlCache* controls)
    : modes_(modes), controls_(controls), store_(store), pool_(pool), stored_(std::move(stored)), progress_(progress) {}

void EvalQueue::submit(const Task& task, Subject subject) {
  auto s = std::make_shared<const Subject>(std::move(subject));
  for (const auto& m : modes_)
    if (!m->after()) start(*m, task, s, nullptr);
}

void EvalQueue::start(const EvalMode& mode, const Task& task, SubjectPtr subject, ResultPtr upstream) {
  auto job = mode.job(task, *subject, upstream.get());
  if (job) job->sample = subject->record.sample;
  const std::string row = storedRowName(subject->kind, mode.name());
  if (auto it = stored_.find({row, task.id, subject->record.sample}); it != stored_.end()) {
    auto result = std::make_shared<ModeResult>(it->second);
    if (job && !job->settled) {
      result->input = job->input;
      // A new subject with the same input takes this stored result instead of evaluating.
      std::lock_guard lock(mutex_);
      auto [cell, fresh] = memo_.try_emplace({task.id, mode.id(), job->trusted, sha256Hex(job->input)});
      if (fresh) {
        cell->second.done = true;
        cell->second.result = *result;
      }
    }
    finished(mode, task, subject, result);
    return;
  }
  if (!job) return;
  if (job->settled) {
    ModeResult r;
    r.eval = *job->settled;
    record(mode, task, subject, std::move(r));
    return;
  }
  run(mode, task, std::move(subject), std::move(*job), std::move(upstream));
}

void EvalQueue::run(const EvalMode& mode, const Task& task, SubjectPtr subject, ModeJob job, ResultPtr upstream) {
  const Key key{task.id, mode.id(), job.trusted, sha256Hex(job.input)};
  const bool isSample = subject->kind == SubjectKind::Sample;
  Then then = [this, &mode, &task, subject, job, upstream, isSample](const ModeResult& r, bool reused) {
    // A control is the dataset's code: when the policy objects, judge it again without it.
    if (subject->trusted() && !job.trusted && r.eval.verdict == Verdict::PolicyViolation) {
      ModeJob again = job;
      again.trusted = true;
      run(mode, task, subject, std::move(again), upstream);
      return;
    }
    if (reused && isSample) {
      std::lock_guard lock(mutex_);
      ++counts_[mode.id()].reused;
    }
    if (subject->trusted() && controls_ && isComplete(r.eval) && !r.fatal) controls_->put(task, mode.name(), job, r);  // for later runs
    record(mode, task, subject, r);
  };
  // A control judged by an earlier run (of any model) is not judged again.
  if (subject->trusted() && controls_) {
    if (auto cached = controls_->get(task, mode.name(), job)) {
      cached->input = job.input;
      {
        std::lock_guard lock(mutex_);
        ++counts_[mode.id()].controlsCached;
      }
      if (!job.trusted && cached->eval.verdict == Verdict::PolicyViolation) {  // as `then` does
        ModeJob again = job;
        again.trusted = true;
        run(mode, task, subject, std::move(again), upstream);
      } else {
        record(mode, task, subject, std::move(*cached));
      }
      return;
    }
  }
  std::optional<ModeResult> known;
  {
    std::lock_guard lock(mutex_);
    auto [it, fresh] = memo_.try_emplace(key);
    if (it->second.done) {
      known = it->second.result;
    } else if (!fresh) {
      it->second.waiters.push_back(std::move(then));
      return;
    }
  }
  if (known) {
    then(*known, true);
    return;
  }
  pool_.submit([this, &mode, &task, key, job = std::move(job), upstream, isSample, then = std::move(then)] {
    ModeResult r = mode.evaluate(task, job, upstream.get());
    r.input = job.input;
    std::vector<Then> waiters;
    {
      std::lock_guard lock(mutex_);
      toolSeconds_ += r.eval.wallSeconds;
      if (isSample) {
        ++counts_[mode.id()].evaluated;
        counts_[mode.id()].derived += r.derived ? 1 : 0;
      }
      Cell& cell = memo_[key];
      waiters = std::move(cell.waiters);
      // rtlarena's own failure is not remembered: the next subject with this input tries again.
      if (isComplete(r.eval) && !r.fatal) {
        cell.done = true;
        cell.result = r;
        cell.result.outcome.reset();  // the raw logs go to the waiters below, not into memory
      } else {
        memo_.erase(key);
      }
    }
    then(r, false);
    for (auto& w : waiters) w(r, true);
  });
}

void EvalQueue::record(const EvalMode& mode, const Task& task, SubjectPtr subject, ModeResult result) {
  if (result.fatal) {
    fail(*result.fatal);
    return;
  }
  if (auto s = mode.store(store_, task, *subject, result); !s) fail(s.error());
  if (mode.name() == kNativeMode && subject->kind == SubjectKind::Sample) progress_.tick(result.eval.passed());
  finished(mode, task, std::move(subject), std::make_shared<const ModeResult>(std::move(result)));
}

void EvalQueue::finished(const EvalMode& mode, const Task& task, SubjectPtr subject, ResultPtr result) {
  for (const auto& m : modes_)
    if (m->after() == mode.id()) start(*m, task, subject, result);
}

void EvalQueue::fail(const Error& error) {
  std::lock_guard lock(mutex_);
  if (!error_) error_ = error;
}

EvalQueue::Counts EvalQueue::counts(ModeId mode) {
  std::lock_guard lock(mutex_);
  return counts_[mode];
}

double EvalQueue::toolSeconds() {
  std::lock_guard lock(mutex_);
  return toolSeconds_;
}

std::optional<Error> EvalQueue::error() {
  std::lock_guard lock(mutex_);
  return error_;
}

}  // namespace rtlarena
