// Request bodies and response parsing of the two API shapes, without a server.
#include "wire_format.h"

#include <gtest/gtest.h>

namespace rtlarena {
namespace {

using nlohmann::json;

std::vector<Message> chat() { return {{"system", "be brief"}, {"user", "write a module"}}; }

TEST(WireFormat, OpenAiBodyCarriesSamplingParameters) {
  auto f = makeOpenAiFormat();
  SamplingParams p;
  p.temperature = 0.8;
  p.topP = 0.95;
  p.maxTokens = 1024;
  p.seed = 7;
  p.stop = {"[DONE]"};
  json b = f->body("m", chat(), p, 5, json::object());
  EXPECT_EQ(b["model"], "m");
  EXPECT_EQ(b["messages"].size(), 2u);
  EXPECT_EQ(b["messages"][0]["role"], "system");
  EXPECT_DOUBLE_EQ(b["temperature"].get<double>(), 0.8);
  EXPECT_DOUBLE_EQ(b["top_p"].get<double>(), 0.95);
  EXPECT_EQ(b["max_tokens"], 1024);
  EXPECT_EQ(b["n"], 5);
  EXPECT_EQ(b["seed"], 7);
  EXPECT_EQ(b["stop"][0], "[DONE]");
  EXPECT_EQ(f->url("http://h:1/v1/"), "http://h:1/v1/chat/completions");
}

TEST(WireFormat, OpenAiBodyOmitsDefaultsTheServerKnows) {
  json b = makeOpenAiFormat()->body("m", chat(), SamplingParams{}, 1, json::object());
  EXPECT_FALSE(b.contains("n"));
  EXPECT_FALSE(b.contains("top_p"));
  EXPECT_FALSE(b.contains("seed"));
  EXPECT_FALSE(b.contains("stop"));
}

TEST(WireFormat, ExtraBodyAddsMergesAndRemovesFields) {
  json extra = json::parse(R"({"max_tokens": null, "max_completion_tokens": 99,
                               "chat_template_kwargs": {"enable_thinking": false}})");
  json b = makeOpenAiFormat()->body("m", chat(), SamplingParams{}, 1, extra);
  EXPECT_FALSE(b.contains("max_tokens"));
  EXPECT_EQ(b["max_completion_tokens"], 99);
  EXPECT_EQ(b["chat_template_kwargs"]["enable_thinking"], false);
}

TEST(WireFormat, OpenAiParseReadsChoicesInIndexOrderWithReasoning) {
  auto r = makeOpenAiFormat()->parse(R"({"choices": [
      {"index": 1, "message": {"content": "b"}, "finish_reason": "length"},
      {"index": 0, "message": {"content": "a", "reasoning_content": "hmm"}, "finish_reason": "stop"}],
      "usage": {"prompt_tokens": 10, "completion_tokens": 20}})");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->choices.size(), 2u);
  EXPECT_EQ(r->choices[0].text, "a");
  EXPECT_EQ(r->choices[0].reasoning, "hmm");
  EXPECT_EQ(r->choices[1].finishReason, "length");
  EXPECT_EQ(r->tokensIn, 10);
  EXPECT_EQ(r->tokensOut, 20);
}

TEST(WireFormat, OpenAiParseAcceptsNullContentAndReasoningField) {
  auto r = makeOpenAiFormat()->parse(R"({"choices": [{"message": {"content": null, "reasoning": "r"}}]})");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->choices[0].text, "");
  EXPECT_EQ(r->choices[0].reasoning, "r");
}

TEST(WireFormat, MalformedResponsesAreParseErrors) {
  auto f = makeOpenAiFormat();
  EXPECT_FALSE(f->parse(R"({"choices": [{"message": )"));
  EXPECT_FALSE(f->parse(R"({"choices": []})"));
  EXPECT_FALSE(f->parse(R"({"error": {"message": "overloaded"}})"));
  EXPECT_FALSE(f->parse(R"([1,2])"));
}

TEST(WireFormat, AnthropicMovesSystemMessagesAndMapsStopReasons) {
  auto f = makeAnthropicFormat();
  SamplingParams p;
  p.stop = {"[DONE]"};
  json b = f->body("claude", chat(), p, 1, json::object());
  EXPECT_EQ(b["system"], "be brief");
  ASSERT_EQ(b["messages"].size(), 1u);
  EXPECT_EQ(b["messages"][0]["role"], "user");
  EXPECT_EQ(b["stop_sequences"][0], "[DONE]");
  EXPECT_FALSE(f->hasNativeN());
  EXPECT_EQ(f->url("https://api.anthropic.com"), "https://api.anthropic.com/v1/messages");

  auto r = f->parse(R"({"type": "message", "content": [{"type": "thinking", "thinking": "t"},
      {"type": "text", "text": "x"}], "stop_reason": "max_tokens",
      "usage": {"input_tokens": 3, "output_tokens": 4}})");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->choices[0].text, "x");
  EXPECT_EQ(r->choices[0].reasoning, "t");
  EXPECT_EQ(r->choices[0].finishReason, "length");
  EXPECT_EQ(r->tokensIn + r->tokensOut, 7);
}

TEST(WireFormat, AuthHeadersOnlyWithAKey) {
  EXPECT_TRUE(makeOpenAiFormat()->authHeaders("").empty());
  EXPECT_EQ(makeOpenAiFormat()->authHeaders("k")[0].second, "Bearer k");
  auto a = makeAnthropicFormat()->authHeaders("k");
  EXPECT_EQ(a.size(), 2u);  // version + key
}

TEST(WireFormat, ErrorSnippetPrefersTheServersMessage) {
  EXPECT_EQ(errorSnippet(R"({"error": {"message": "slow down"}})"), "slow down");
  EXPECT_EQ(errorSnippet("plain\ntext"), "plain text");
  EXPECT_LE(errorSnippet(std::string(1000, 'x')).size(), 303u);
}

}  // namespace
}  // namespace rtlarena
