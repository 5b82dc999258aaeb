// Sliding-window limits: a request starts when fewer than `requests` started within the last
// window and the tokens of those (actual once known, estimated while in flight) plus its own
// estimate stay within `tokens`. A single request larger than the token limit still runs,
// alone, once the window is empty, so a small limit slows a run down but never stalls it.
#include "rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace rtlarena {

RateLimiter::RateLimiter(double requestsPerWindow, double tokensPerWindow, Clock::duration window)
    : requests_(requestsPerWindow), tokens_(tokensPerWindow), window_(window) {}

void RateLimiter::expire(Clock::time_point now) {
  while (!entries_.empty() && entries_.front().at + window_ <= now) {
    tokensInWindow_ -= entries_.front().tokens;
    entries_.pop_front();
  }
}

std::uint64_t RateLimiter::acquire(std::int64_t estimatedTokens) {
  std::unique_lock lock(mutex_);
  while (true) {
    if (stopped_) return 0;
    auto now = Clock::now();
    if (now < pausedUntil_) {
      wake_.wait_until(lock, pausedUntil_);
      continue;
    }
    expire(now);
    bool tooMany = requests_ > 0 && static_cast<double>(entries_.size()) >= std::max(1.0, std::floor(requests_));
    bool tooLarge = tokens_ > 0 && !entries_.empty() &&
                    static_cast<double>(tokensInWindow_ + estimatedTokens) > tokens_;
    if (!tooMany && !tooLarge) {
      std::uint64_t ticket = nextTicket_++;
      entries_.push_back({now, estimatedTokens, ticket});
      tokensInWindow_ += estimatedTokens;
      return ticket;
    }
    // The oldest entry leaving the window is the next moment anything can change (settle()
    // and pauseUntil() notify as well).
    wake_.wait_until(lock, entries_.front().at + window_);
  }
}

void RateLimiter::settle(std::uint64_t ticket, std::int64_t actualTokens) {
  std::lock_guard lock(mutex_);
  for (auto& e : entries_)
    if (e.ticket == ticket) {
      tokensInWindow_ += actualTokens - e.tokens;
      e.tokens = actualTokens;
      break;
    }
  wake_.notify_all();
}

void RateLimiter::pauseUntil(Clock::time_point until) {
  std::lock_guard lock(mutex_);
  pausedUntil_ = std::max(pausedUntil_, until);
  wake_.notify_all();
}

void RateLimiter::stop() {
  std::lock_guard lock(mutex_);
  stopped_ = true;
  wake_.notify_all();
}

}  // namespace rtlarena
