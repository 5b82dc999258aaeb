// Progress reporting on stderr, so stdout stays clean for --json.
#include "rtlarena/run/progress.h"

#include <unistd.h>

#include <cstdio>

namespace rtlarena {

Progress::Progress(int total, bool enabled)
    : total_(total), enabled_(enabled && total > 0), tty_(isatty(2) != 0),
      start_(std::chrono::steady_clock::now()) {}

void Progress::tick(bool passed) {
  std::lock_guard lock(mutex_);
  ++done_;
  if (passed) ++passed_;
  draw(false);
}

void Progress::finish() {
  std::lock_guard lock(mutex_);
  if (enabled_ && tty_) std::fprintf(stderr, "\n");
}

void Progress::draw(bool force) {
  if (!enabled_) return;
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  double eta = done_ > 0 ? elapsed / done_ * (total_ - done_) : 0;
  int percent = total_ ? done_ * 100 / total_ : 100;
  if (tty_) {
    const int width = 30;
    int filled = total_ ? done_ * width / total_ : width;
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(width, '.');
    std::fprintf(stderr, "\r[%s] %d/%d  pass %d  %.0fs elapsed  ETA %.0fs ", bar.c_str(), done_, total_,
                 passed_, elapsed, eta);
    std::fflush(stderr);
    return;
  }
  if (force || percent / 10 != lastPercent_ / 10 || done_ == total_) {
    lastPercent_ = percent;
    std::fprintf(stderr, "progress: %d/%d evaluated, %d pass, %.0fs elapsed, ETA %.0fs\n", done_, total_,
                 passed_, elapsed, eta);
  }
}

}  // namespace rtlarena
