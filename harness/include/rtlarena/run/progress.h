// Progress of a run: a bar with ETA on a terminal, a plain line every few percent otherwise.
#pragma once

#include <chrono>
#include <mutex>
#include <string>

namespace rtlarena {

class Progress {
 public:
  Progress(int total, bool enabled);
  void tick(bool passed);
  void finish();

 private:
  void draw(bool force);
  int total_;
  int done_ = 0;
  int passed_ = 0;
  bool enabled_;
  bool tty_;
  int lastPercent_ = -1;
  std::chrono::steady_clock::time_point start_;
  std::mutex mutex_;
};

}  // namespace rtlarena
