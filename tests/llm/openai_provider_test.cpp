// The openai provider's real libcurl client against the in-process fake server: answers,
// native and emulated n, every fault kind, keys, the cache.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <set>
#include <thread>

#include "fake_llm_server.h"
#include "provider_test_util.h"
#include "retry_policy.h"
#include "rtlarena/core/files.h"

namespace rtlarena::testing {
namespace {

using Kind = FakeReply::Kind;

class OpenAiProvider : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(server.start()); }
  ProviderOptions options() { return fastOptions("openai:fake-model", server.openaiBase()); }
  FakeLlmServer server;
};

FakeReply answer(const std::string& text, const std::string& finish = "stop") {
  FakeReply r;
  r.text = text;
  r.finishReason = finish;
  return r;
}

TEST_F(OpenAiProvider, AnswerArrivesWithUsageLatencyAndExactRequest) {
  server.setDefault(answer("```verilog\nmodule TopModule; endmodule\n```"));
  auto answers = generate(options(), makeRequest(0, 1));
  ASSERT_EQ(answers.size(), 1u);
  const Answer& a = answers[0];
  EXPECT_FALSE(a.error) << a.errorMessage;
  EXPECT_NE(a.text.find("module TopModule"), std::string::npos);
  EXPECT_EQ(a.finishReason, "stop");
  EXPECT_EQ(a.attempts, 1);
  EXPECT_GT(a.tokensIn, 0);
  EXPECT_GT(a.tokensOut, 0);
  EXPECT_GT(a.latencySeconds, 0);
  auto bodies = server.bodies();
  ASSERT_EQ(bodies.size(), 1u);
  EXPECT_EQ(bodies[0]["model"], "fake-model");
  EXPECT_EQ(bodies[0]["messages"][1]["content"], "Write an inverter.");
  EXPECT_EQ(bodies[0]["max_tokens"], 16384);
}

TEST_F(OpenAiProvider, NativeNAsksOnceForAllSamples) {
  server.setDefault(answer("answer {choice}"));
  auto answers = generate(options(), makeRequest(0, 5));
  EXPECT_EQ(server.requests(), 1);
  EXPECT_EQ(server.bodies()[0]["n"], 5);
  ASSERT_EQ(answers.size(), 5u);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(answers[i].text, "answer " + std::to_string(i));
}

TEST_F(OpenAiProvider, ServerThatIgnoresNGetsTheRestOneByOne) {
  FakeReply one = answer("only one");
  one.choices = 1;
  server.setDefault(one);
  int calls = 0;
  auto answers = generate(options(), makeRequest(0, 3), &calls);
  EXPECT_EQ(calls, 3);
  EXPECT_EQ(answers.size(), 3u);
  EXPECT_EQ(server.requests(), 3);  // n=3 answered once, then two single requests
  for (auto& [s, a] : answers) EXPECT_FALSE(a.error);
}

TEST_F(OpenAiProvider, ServerThatRejectsNGetsSamplesOneByOne) {
  server.script({FakeReply::error(400)});
  server.setDefault(answer("fine"));
  auto answers = generate(options(), makeRequest(0, 3));
  ASSERT_EQ(answers.size(), 3u);
  for (auto& [s, a] : answers) EXPECT_FALSE(a.error) << a.errorMessage;
  EXPECT_EQ(server.requests(), 4);
}

TEST_F(OpenAiProvider, RepeatModeSendsDistinctSeedsPerSample) {
  server.setDefault(answer("x"));
  auto o = options();
  o.nMode = "repeat";
  o.params.seed = 100;
  auto req = makeRequest(0, 3);
  req.params = o.params;
  generate(o, req);
  auto bodies = server.bodies();
  ASSERT_EQ(bodies.size(), 3u);
  std::set<int> seeds;
  for (auto& b : bodies) {
    EXPECT_FALSE(b.contains("n"));
    seeds.insert(b["seed"].get<int>());
  }
  EXPECT_EQ(seeds, (std::set<int>{100, 101, 102}));
}

TEST_F(OpenAiProvider, RateLimitIsRetriedAfterRetryAfter) {
  server.script({FakeReply::status429(1)});
  server.setDefault(answer("ok"));
  auto t0 = std::chrono::steady_clock::now();
  auto answers = generate(options(), makeRequest(0, 1));
  double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_FALSE(answers[0].error) << answers[0].errorMessage;
  EXPECT_EQ(answers[0].attempts, 2);
  EXPECT_GE(took, 0.95);  // the server's Retry-After, not the 10 ms backoff
}

TEST_F(OpenAiProvider, EveryTransientFaultIsRetriedUntilAnAnswer) {
  server.script({FakeReply::error(500), FakeReply::of(Kind::Malformed), FakeReply::of(Kind::Truncated),
                 FakeReply::of(Kind::Drop), FakeReply::error(503)});
  server.setDefault(answer("ok"));
  auto o = options();
  o.retries = 5;
  auto answers = generate(o, makeRequest(0, 1));
  EXPECT_FALSE(answers[0].error) << answers[0].errorMessage;
  EXPECT_EQ(answers[0].text, "ok");
  EXPECT_EQ(answers[0].attempts, 6);
}

TEST_F(OpenAiProvider, SlowResponseTimesOutAndIsRetried) {
  server.script({FakeReply::slow(2000)});
  server.setDefault(answer("ok"));
  auto o = options();
  o.timeoutSeconds = 0.3;
  auto answers = generate(o, makeRequest(0, 1));
  EXPECT_FALSE(answers[0].error) << answers[0].errorMessage;
  EXPECT_EQ(answers[0].attempts, 2);
}

TEST_F(OpenAiProvider, LastFailedAttemptBecomesAnErrorWithTheReason) {
  server.setDefault(FakeReply::error(503));
  auto o = options();
  o.retries = 2;
  auto answers = generate(o, makeRequest(0, 2));
  ASSERT_EQ(answers.size(), 2u);
  for (auto& [s, a] : answers) {
    EXPECT_TRUE(a.error);
    EXPECT_EQ(a.attempts, 3);
    EXPECT_NE(a.errorMessage.find("HTTP 503: server says 503"), std::string::npos) << a.errorMessage;
    EXPECT_NE(a.errorMessage.find("gave up after 3 attempts"), std::string::npos) << a.errorMessage;
  }
}

TEST_F(OpenAiProvider, TimeoutOnEveryAttemptSaysSo) {
  server.setDefault(FakeReply::slow(1000));
  auto o = options();
  o.retries = 1;
  o.timeoutSeconds = 0.2;
  auto answers = generate(o, makeRequest(0, 1));
  EXPECT_TRUE(answers[0].error);
  EXPECT_NE(answers[0].errorMessage.find("timeout"), std::string::npos) << answers[0].errorMessage;
}

TEST_F(OpenAiProvider, ClientErrorIsNotRetried) {
  server.setDefault(FakeReply::error(404));
  auto answers = generate(options(), makeRequest(0, 1));
  EXPECT_TRUE(answers[0].error);
  EXPECT_EQ(answers[0].attempts, 1);
  EXPECT_EQ(server.requests(), 1);
  EXPECT_NE(answers[0].errorMessage.find("not retried"), std::string::npos);
}

TEST_F(OpenAiProvider, FinishReasonLengthAndReasoningAreRecorded) {
  FakeReply r = answer("module TopModule; assign", "length");
  r.reasoning = "<think>module Wrong; endmodule</think>";
  server.setDefault(r);
  auto answers = generate(options(), makeRequest(0, 1));
  EXPECT_EQ(answers[0].finishReason, "length");
  EXPECT_EQ(answers[0].reasoning, r.reasoning);
  EXPECT_EQ(answers[0].text.find("Wrong"), std::string::npos);  // reasoning stays out of the answer
}

TEST_F(OpenAiProvider, ApiKeyIsSentButNeverRecorded) {
  setenv("RTLARENA_TEST_KEY", "sk-secret-4711", 1);
  FakeReply echo = FakeReply::error(401);
  echo.body = R"({"error": {"message": "bad key sk-secret-4711"}})";
  server.setDefault(echo);
  auto o = options();
  o.apiKeyEnv = "RTLARENA_TEST_KEY";
  auto provider = makeProvider(o);
  ASSERT_TRUE(provider);
  Collector c;
  (*provider)->submit(makeRequest(0, 1), c.callback());
  (*provider)->drain();
  EXPECT_EQ(server.authorizations()[0], "Bearer sk-secret-4711");
  auto a = c.answers()[0];
  EXPECT_TRUE(a.error);
  EXPECT_EQ(a.errorMessage.find("sk-secret-4711"), std::string::npos) << a.errorMessage;
  EXPECT_EQ((*provider)->configJson().find("sk-secret"), std::string::npos);
  unsetenv("RTLARENA_TEST_KEY");
}

TEST_F(OpenAiProvider, MissingKeyVariableIsAConfigError) {
  auto o = options();
  o.apiKeyEnv = "RTLARENA_TEST_NO_SUCH_KEY";
  auto provider = makeProvider(o);
  ASSERT_FALSE(provider);
  EXPECT_EQ(provider.error().code, ErrorCode::BadConfig);
  EXPECT_NE(provider.error().message.find("RTLARENA_TEST_NO_SUCH_KEY"), std::string::npos);
}

TEST_F(OpenAiProvider, LocalServerNeedsNoKey) {
  server.setDefault(answer("ok"));
  auto answers = generate(options(), makeRequest(0, 1));
  EXPECT_FALSE(answers[0].error);
  EXPECT_EQ(server.authorizations()[0], "");
}

TEST_F(OpenAiProvider, ExtraHeadersAndBodyFieldsReachTheServer) {
  server.setDefault(answer("ok"));
  auto o = options();
  o.headers = {{"X-Team", "hw"}};
  o.extraBodyJson = R"({"repetition_penalty": 1.05, "top_k": 20})";
  generate(o, makeRequest(0, 1));
  auto b = server.bodies()[0];
  EXPECT_DOUBLE_EQ(b["repetition_penalty"].get<double>(), 1.05);
  EXPECT_EQ(b["top_k"], 20);
}

TEST_F(OpenAiProvider, CachedSamplesAreNeverRequestedAgain) {
  auto dir = TempDir::create("llm-cache");
  ASSERT_TRUE(dir);
  server.setDefault(answer("answer {choice} of request {request}"));
  auto o = options();
  o.useCache = true;
  o.cacheDir = dir->path().string();
  auto first = generate(o, makeRequest(0, 3));
  EXPECT_EQ(server.requests(), 1);
  auto second = generate(o, makeRequest(0, 3));
  EXPECT_EQ(server.requests(), 1);  // every sample came from the cache
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE(second[i].cached);
    EXPECT_EQ(second[i].text, first[i].text);
  }
  auto more = generate(o, makeRequest(0, 5));  // only samples 3 and 4 are new
  EXPECT_EQ(server.requests(), 2);
  EXPECT_EQ(server.bodies()[1]["n"], 2);
  EXPECT_EQ(more[3].text, "answer 0 of request 1");
  auto o2 = o;
  o2.params.temperature = 0.7;  // a different request: not a cache hit
  auto req = makeRequest(0, 1);
  req.params = o2.params;
  generate(o2, req);
  EXPECT_EQ(server.requests(), 3);
  o.useCache = false;  // --no-cache
  generate(o, makeRequest(0, 1));
  EXPECT_EQ(server.requests(), 4);
}

TEST_F(OpenAiProvider, ServerRestartMidRequestIsSurvived) {
  // A refused connection is retried once the endpoint has answered: the server went away.
  server.setDefault(answer("ok"));
  auto o = options();
  o.retries = 20;
  o.backoffInitialSeconds = 0.05;
  o.backoffMaxSeconds = 0.1;
  auto provider = makeProvider(o);
  ASSERT_TRUE(provider);
  Collector first;
  (*provider)->submit(makeRequest(0, 1), first.callback());
  (*provider)->drain();
  ASSERT_FALSE(first.answers()[0].error) << first.answers()[0].errorMessage;
  server.stop();
  std::thread restart([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    server.start();
  });
  Collector later;
  (*provider)->submit(makeRequest(1, 2), later.callback());
  (*provider)->drain();
  restart.join();
  for (auto& [s, a] : later.answers()) {
    EXPECT_FALSE(a.error) << a.errorMessage;
    EXPECT_GT(a.attempts, 1);
  }
}

TEST_F(OpenAiProvider, UnreachableServerFailsFastWithoutRetries) {
  // Nothing has ever answered: retrying a refused connection for minutes helps nobody.
  server.stop();
  auto o = options();
  o.retries = 8;
  o.backoffInitialSeconds = 1;
  auto t0 = std::chrono::steady_clock::now();
  auto answers = generate(o, makeRequest(0, 3));
  double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LT(took, 1.0);
  ASSERT_EQ(answers.size(), 3u);
  for (auto& [s, a] : answers) {
    EXPECT_TRUE(a.error);
    EXPECT_LE(a.attempts, 1);
    EXPECT_NE(a.errorMessage.find("connection failed"), std::string::npos) << a.errorMessage;
    EXPECT_NE(a.errorMessage.find("nothing answers at"), std::string::npos) << a.errorMessage;
  }
}

TEST_F(OpenAiProvider, RefusedKeyStopsEveryLaterRequest) {
  // 401 is the same for every request: one is sent, the others fail with its reason unsent.
  server.setDefault(FakeReply::error(401));
  auto o = options();
  o.concurrency = 1;
  o.nMode = "repeat";
  auto answers = generate(o, makeRequest(0, 4));
  ASSERT_EQ(answers.size(), 4u);
  EXPECT_EQ(server.requests(), 1);
  for (auto& [s, a] : answers) {
    EXPECT_TRUE(a.error);
    EXPECT_NE(a.errorMessage.find("HTTP 401"), std::string::npos) << a.errorMessage;
  }
}

TEST_F(OpenAiProvider, UnknownModelIsNotRetried) {
  FakeReply unknown = FakeReply::error(400);
  unknown.body = R"({"error":{"message":"The model `nosuch` does not exist."}})";
  server.setDefault(unknown);
  auto answers = generate(options(), makeRequest(0, 1));
  EXPECT_TRUE(answers[0].error);
  EXPECT_EQ(server.requests(), 1);
  EXPECT_NE(answers[0].errorMessage.find("does not exist"), std::string::npos) << answers[0].errorMessage;
  // The control: a 400 about something else is a plain client error (also not retried,
  // but it does not stop the endpoint).
  EXPECT_FALSE(classifyResponse(HttpResponse{Transport::Ok, "", false, 400, R"({"error":"bad temperature"})"}, 1)
                   ->endpointFatal);
  EXPECT_TRUE(classifyResponse(HttpResponse{Transport::Ok, "", false, 400, unknown.body}, 1)->endpointFatal);
  EXPECT_TRUE(classifyResponse(HttpResponse{Transport::Ok, "", false, 403, "{}"}, 1)->endpointFatal);
  EXPECT_FALSE(classifyResponse(HttpResponse{Transport::Ok, "", false, 503, "{}"}, 1)->endpointFatal);
}

}  // namespace
}  // namespace rtlarena::testing
