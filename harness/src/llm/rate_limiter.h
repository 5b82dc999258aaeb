// Requests-per-minute and tokens-per-minute limits over a sliding window, shared by all the
// workers of one endpoint, plus an endpoint-wide pause (a 429's Retry-After holds everyone).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>

namespace rtlarena {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  /// 0 disables a limit. `window` is one minute except in tests.
  RateLimiter(double requestsPerWindow, double tokensPerWindow, Clock::duration window);

  /// Blocks until a request with about `estimatedTokens` may start. Returns a ticket for
  /// settle(), or 0 if stop() was called while waiting.
  std::uint64_t acquire(std::int64_t estimatedTokens);
  /// Replaces a request's estimate with the tokens the server reported.
  void settle(std::uint64_t ticket, std::int64_t actualTokens);
  /// No request starts before `until`.
  void pauseUntil(Clock::time_point until);
  /// Wakes every waiter; acquire() returns 0 from now on.
  void stop();

 private:
  struct Entry {
    Clock::time_point at;
    std::int64_t tokens;
    std::uint64_t ticket;
  };
  void expire(Clock::time_point now);

  const double requests_;
  const double tokens_;
  const Clock::duration window_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Entry> entries_;
  std::int64_t tokensInWindow_ = 0;
  Clock::time_point pausedUntil_{};
  std::uint64_t nextTicket_ = 1;
  bool stopped_ = false;
};

}  // namespace rtlarena
