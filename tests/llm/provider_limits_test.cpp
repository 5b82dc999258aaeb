// Limits hold under load, and every sample is delivered exactly once whatever the faults.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "fake_llm_server.h"
#include "provider_test_util.h"

namespace rtlarena::testing {
namespace {

using Kind = FakeReply::Kind;

TEST(ProviderLimits, ConcurrencyLimitHolds) {
  FakeServerOptions so;
  so.delayMs = 40;
  FakeLlmServer server(so);
  ASSERT_TRUE(server.start());
  auto o = fastOptions("openai:m", server.openaiBase());
  o.concurrency = 3;
  o.nMode = "repeat";
  auto answers = generate(o, makeRequest(0, 12));
  EXPECT_EQ(answers.size(), 12u);
  EXPECT_LE(server.maxInFlight(), 3);
  EXPECT_GE(server.maxInFlight(), 2);  // the requests did overlap
}

TEST(ProviderLimits, RequestsPerWindowHold) {
  FakeLlmServer server;
  ASSERT_TRUE(server.start());
  auto o = fastOptions("openai:m", server.openaiBase());
  o.concurrency = 8;
  o.nMode = "repeat";
  o.requestsPerMinute = 4;
  o.rateWindowSeconds = 1.0;
  auto answers = generate(o, makeRequest(0, 10));
  EXPECT_EQ(answers.size(), 10u);
  auto t = server.arrivals();
  std::sort(t.begin(), t.end());
  ASSERT_EQ(t.size(), 10u);
  // Measured at the server, where a loaded machine delays single arrivals (the first one
  // included, which shortens the span), so only the span is checked, with half a window to
  // spare: request 8 cannot start before two windows have passed (the exact window arithmetic
  // is RateLimiter's own test).
  EXPECT_GE(t[8] - t[0], 1.5);
}

TEST(ProviderLimits, TokensPerWindowHold) {
  FakeLlmServer server;
  ASSERT_TRUE(server.start());
  auto o = fastOptions("openai:m", server.openaiBase());
  o.concurrency = 8;
  o.nMode = "repeat";
  o.tokensPerMinute = 40;  // the fake server reports about 20 tokens per request here
  o.rateWindowSeconds = 1.0;
  FakeReply r;
  r.text = std::string(60, 'x');  // 16 completion tokens
  server.setDefault(r);
  auto answers = generate(o, makeRequest(0, 6));
  EXPECT_EQ(answers.size(), 6u);
  auto t = server.arrivals();
  std::sort(t.begin(), t.end());
  EXPECT_GE(t.back() - t.front(), 1.5);  // at most two requests per 1 s window: 2 s, less load delays
}

TEST(ProviderLimits, EverySampleIsDeliveredOnceThroughRandomFaults) {
  FakeLlmServer server;
  ASSERT_TRUE(server.start());
  std::mt19937 rng(12345);
  std::vector<FakeReply> script;
  for (int i = 0; i < 120; ++i) {
    switch (rng() % 7) {
      case 0: script.push_back(FakeReply::status429(0)); break;
      case 1: script.push_back(FakeReply::error(500)); break;
      case 2: script.push_back(FakeReply::of(Kind::Malformed)); break;
      case 3: script.push_back(FakeReply::of(Kind::Truncated)); break;
      case 4: script.push_back(FakeReply::of(Kind::Drop)); break;
      default: {
        FakeReply ok;
        ok.text = "ok";
        script.push_back(ok);
      }
    }
  }
  server.script(script);
  FakeReply ok;
  ok.text = "ok";
  server.setDefault(ok);
  auto o = fastOptions("openai:m", server.openaiBase());
  o.concurrency = 8;
  o.nMode = "repeat";
  o.retries = 2;
  int callbacks = 0;
  auto answers = generate(o, makeRequest(0, 40), &callbacks);
  EXPECT_EQ(callbacks, 40);
  ASSERT_EQ(answers.size(), 40u);
  int errors = 0;
  for (auto& [s, a] : answers) {
    if (a.error) {
      ++errors;
      EXPECT_FALSE(a.errorMessage.empty());
      EXPECT_EQ(a.attempts, 3);
    } else {
      EXPECT_EQ(a.text, "ok");
    }
  }
  EXPECT_LT(errors, 40);
}

TEST(ProviderLimits, DestroyingAProviderWithQueuedWorkReturnsPromptly) {
  FakeServerOptions so;
  so.delayMs = 100;
  FakeLlmServer server(so);
  ASSERT_TRUE(server.start());
  auto o = fastOptions("openai:m", server.openaiBase());
  o.concurrency = 1;
  o.nMode = "repeat";
  auto provider = makeProvider(o);
  ASSERT_TRUE(provider);
  Collector c;
  (*provider)->submit(makeRequest(0, 50), c.callback());
  provider->reset();  // a destructor that drained the queue would take 5 s and answer all 50
  EXPECT_LT(c.calls(), 50);
}

}  // namespace
}  // namespace rtlarena::testing
