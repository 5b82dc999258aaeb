// The anthropic provider against the fake server's /v1/messages: the same faults, its shape.
#include <gtest/gtest.h>

#include <cstdlib>
#include <set>

#include "fake_llm_server.h"
#include "provider_test_util.h"

namespace rtlarena::testing {
namespace {

using Kind = FakeReply::Kind;

class AnthropicProvider : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(server.start()); }
  ProviderOptions options() { return fastOptions("anthropic:claude-test", server.anthropicBase()); }
  FakeLlmServer server;
};

TEST_F(AnthropicProvider, AnswerWithThinkingSystemPromptAndUsage) {
  FakeReply r;
  r.text = "```verilog\nmodule TopModule; endmodule\n```";
  r.reasoning = "consider the ports";
  server.setDefault(r);
  auto answers = generate(options(), makeRequest(0, 1));
  const Answer& a = answers[0];
  EXPECT_FALSE(a.error) << a.errorMessage;
  EXPECT_EQ(a.text, r.text);
  EXPECT_EQ(a.reasoning, "consider the ports");
  EXPECT_EQ(a.finishReason, "stop");
  EXPECT_GT(a.tokensIn, 0);
  auto b = server.bodies()[0];
  EXPECT_EQ(b["system"], "You write Verilog.");
  EXPECT_EQ(b["messages"].size(), 1u);
  EXPECT_EQ(b["model"], "claude-test");
}

TEST_F(AnthropicProvider, SamplesAreRepeatedRequests) {
  FakeReply r;
  r.text = "request {request}";
  server.setDefault(r);
  auto answers = generate(options(), makeRequest(0, 3));
  EXPECT_EQ(server.requests(), 3);
  ASSERT_EQ(answers.size(), 3u);
  std::set<std::string> texts;
  for (auto& [s, a] : answers) texts.insert(a.text);
  EXPECT_EQ(texts.size(), 3u);
}

TEST_F(AnthropicProvider, FaultsAreRetried) {
  server.script({FakeReply::status429(0), FakeReply::error(529), FakeReply::of(Kind::Malformed),
                 FakeReply::of(Kind::Truncated), FakeReply::of(Kind::Drop)});
  FakeReply ok;
  ok.text = "fine";
  ok.finishReason = "length";
  server.setDefault(ok);
  auto o = options();
  o.retries = 5;
  auto answers = generate(o, makeRequest(0, 1));
  EXPECT_FALSE(answers[0].error) << answers[0].errorMessage;
  EXPECT_EQ(answers[0].attempts, 6);
  EXPECT_EQ(answers[0].finishReason, "length");  // max_tokens
}

TEST_F(AnthropicProvider, KeyGoesInXApiKey) {
  setenv("RTLARENA_TEST_ANTHROPIC_KEY", "ak-1", 1);
  FakeReply ok;
  ok.text = "x";
  server.setDefault(ok);
  auto o = options();
  o.apiKeyEnv = "RTLARENA_TEST_ANTHROPIC_KEY";
  generate(o, makeRequest(0, 1));
  EXPECT_EQ(server.authorizations()[0], "ak-1");
  unsetenv("RTLARENA_TEST_ANTHROPIC_KEY");
}

TEST_F(AnthropicProvider, NativeNIsRefusedAsConfig) {
  auto o = options();
  o.nMode = "native";
  auto p = makeProvider(o);
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().code, ErrorCode::BadConfig);
}

}  // namespace
}  // namespace rtlarena::testing
