// Sliding-window limits with a short window, so timing assertions stay fast.
#include "rate_limiter.h"

#include <gtest/gtest.h>

#include <thread>

namespace rtlarena {
namespace {

using namespace std::chrono;

double since(steady_clock::time_point t) { return duration<double>(steady_clock::now() - t).count(); }

TEST(RateLimiter, RequestsPerWindowHold) {
  RateLimiter limiter(3, 0, milliseconds(200));
  auto t0 = steady_clock::now();
  for (int i = 0; i < 3; ++i) limiter.acquire(1);  // the first window's worth starts at once
  limiter.acquire(1);
  EXPECT_GE(since(t0), 0.19);  // the fourth waits for the first to leave the window
}

// A window's worth of requests never waits: with an hour-long window, a wait would hang the
// test until its timeout instead of passing.
TEST(RateLimiter, TheFirstWindowsWorthStartsAtOnce) {
  RateLimiter limiter(3, 0, std::chrono::hours(1));
  for (int i = 0; i < 3; ++i) EXPECT_GT(limiter.acquire(1), 0u);
}

TEST(RateLimiter, TokensPerWindowHoldWithSettledCounts) {
  RateLimiter limiter(0, 100, milliseconds(200));
  auto t0 = steady_clock::now();
  auto a = limiter.acquire(10);
  limiter.settle(a, 95);  // the server reported more than estimated
  limiter.acquire(10);    // 95 + 10 > 100: waits a window
  EXPECT_GE(since(t0), 0.19);
}

// With an hour-long window, a request larger than the limit that stalled would hang the test
// until its timeout instead of passing.
TEST(RateLimiter, OversizedRequestRunsAloneInsteadOfStalling) {
  RateLimiter limiter(0, 10, std::chrono::hours(1));
  EXPECT_GT(limiter.acquire(50), 0u);
}

TEST(RateLimiter, PauseHoldsEveryCaller) {
  RateLimiter limiter(0, 0, seconds(60));
  auto t0 = steady_clock::now();
  limiter.pauseUntil(t0 + milliseconds(150));
  limiter.acquire(1);
  EXPECT_GE(since(t0), 0.14);
}

TEST(RateLimiter, StopReleasesWaiters) {
  RateLimiter limiter(1, 0, seconds(60));
  limiter.acquire(1);
  std::uint64_t ticket = 99;
  std::thread waiter([&] { ticket = limiter.acquire(1); });
  std::this_thread::sleep_for(milliseconds(50));
  limiter.stop();
  waiter.join();
  EXPECT_EQ(ticket, 0u);
}

}  // namespace
}  // namespace rtlarena
