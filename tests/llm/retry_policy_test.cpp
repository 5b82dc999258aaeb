// Which failures are retried, and how long the waits are.
#include "retry_policy.h"

#include <gtest/gtest.h>

namespace rtlarena {
namespace {

HttpResponse status(long code, std::optional<double> retryAfter = std::nullopt) {
  HttpResponse r;
  r.status = code;
  r.body = R"({"error": {"message": "nope"}})";
  r.retryAfterSeconds = retryAfter;
  return r;
}

TEST(RetryPolicy, TransientFailuresAreRetried) {
  for (long code : {408L, 429L, 500L, 502L, 503L, 529L}) {
    auto f = classifyResponse(status(code), 10);
    ASSERT_TRUE(f);
    EXPECT_TRUE(f->retryable) << code;
  }
  HttpResponse timeout;
  timeout.transport = Transport::Timeout;
  EXPECT_TRUE(classifyResponse(timeout, 10)->retryable);
  EXPECT_EQ(classifyResponse(timeout, 10)->kind, "timeout");
  HttpResponse refused;
  refused.transport = Transport::Connection;
  refused.transportError = "Connection refused";
  EXPECT_TRUE(classifyResponse(refused, 10)->retryable);
}

TEST(RetryPolicy, RequestErrorsAreNotRetried) {
  for (long code : {400L, 401L, 403L, 404L, 422L}) EXPECT_FALSE(classifyResponse(status(code), 10)->retryable) << code;
  EXPECT_FALSE(classifyResponse(status(200), 10));
  EXPECT_EQ(classifyResponse(status(401), 10)->reason, "HTTP 401: nope");
}

TEST(RetryPolicy, BackoffGrowsWithJitterAndHonoursRetryAfter) {
  RetrySettings s{8, 1.0, 10.0, 30.0};
  std::mt19937_64 rng(1);
  for (int i = 0; i < 50; ++i) {
    double d1 = backoffSeconds(s, 1, std::nullopt, rng);
    double d3 = backoffSeconds(s, 3, std::nullopt, rng);
    double d9 = backoffSeconds(s, 9, std::nullopt, rng);
    EXPECT_GE(d1, 0.5);
    EXPECT_LE(d1, 1.0);
    EXPECT_GE(d3, 2.0);
    EXPECT_LE(d3, 4.0);
    EXPECT_LE(d9, 10.0);  // capped
  }
  EXPECT_DOUBLE_EQ(backoffSeconds(s, 1, 7.0, rng), 7.0);
  EXPECT_DOUBLE_EQ(backoffSeconds(s, 1, 3600.0, rng), 30.0);  // cut to the maximum
}

TEST(RetryPolicy, RetryAfterReadsSecondsAndDates) {
  EXPECT_DOUBLE_EQ(*parseRetryAfter("3"), 3.0);
  EXPECT_DOUBLE_EQ(*parseRetryAfter(" 1.5 "), 1.5);
  EXPECT_DOUBLE_EQ(*parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"), 0.0);  // in the past
  EXPECT_FALSE(parseRetryAfter("soon"));
}

}  // namespace
}  // namespace rtlarena
