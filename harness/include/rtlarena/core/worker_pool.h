// A fixed pool of worker threads that runs submitted jobs; wait() blocks until all are done.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace rtlarena {

class WorkerPool {
 public:
  explicit WorkerPool(unsigned workers);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void submit(std::function<void()> job);
  /// Blocks until the queue is empty and no job is running.
  void wait();
  unsigned size() const { return static_cast<unsigned>(threads_.size()); }

 private:
  void loop();
  std::vector<std::thread> threads_;
  std::deque<std::function<void()>> queue_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable idle_;
  unsigned running_ = 0;
  bool stopping_ = false;
};

}  // namespace rtlarena
