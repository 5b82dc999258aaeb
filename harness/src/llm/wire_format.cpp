// OpenAI-compatible (`POST {base}/chat/completions`) and Anthropic (`POST {base}/v1/messages`)
// request bodies and response parsing. OpenAI-compatible servers differ in where they put
// reasoning (reasoning_content: vLLM, SGLang, DeepSeek; reasoning: others): both are read.
#include "wire_format.h"

#include <algorithm>

#include "rtlarena/core/text.h"

namespace rtlarena {

using nlohmann::json;

namespace {

std::string joinUrl(const std::string& base, const std::string& path) {
  std::string b = base;
  while (!b.empty() && b.back() == '/') b.pop_back();
  return b + path;
}

std::string stringOr(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::int64_t intOr(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<std::int64_t>() : 0;
}

Error parseError(const std::string& what) { return makeError(ErrorCode::Parse, what); }

// Content is a string, null, or (some servers) a list of {type: text, text} parts.
std::string contentText(const json& content) {
  if (content.is_string()) return content.get<std::string>();
  std::string out;
  if (content.is_array())
    for (const auto& part : content)
      if (part.is_object() && part.value("type", "") == "text") out += stringOr(part, "text");
  return out;
}

class OpenAiFormat final : public WireFormat {
 public:
  std::string api() const override { return "openai"; }
  std::string defaultBaseUrl() const override { return "https://api.openai.com/v1"; }
  std::string defaultKeyEnv() const override { return "OPENAI_API_KEY"; }
  bool hasNativeN() const override { return true; }
  std::string url(const std::string& baseUrl) const override { return joinUrl(baseUrl, "/chat/completions"); }
  std::vector<std::pair<std::string, std::string>> authHeaders(const std::string& key) const override {
    if (key.empty()) return {};
    return {{"Authorization", "Bearer " + key}};
  }
  json body(const std::string& model, const std::vector<Message>& messages, const SamplingParams& p, int n,
            const json& extraBody) const override {
    json msgs = json::array();
    for (const auto& m : messages) msgs.push_back({{"role", m.role}, {"content", m.content}});
    json b = {{"model", model}, {"messages", msgs}, {"temperature", p.temperature}, {"max_tokens", p.maxTokens}};
    if (p.topP != 1.0) b["top_p"] = p.topP;
    if (n > 1) b["n"] = n;
    if (p.seed) b["seed"] = *p.seed;
    if (!p.stop.empty()) b["stop"] = p.stop;
    mergeExtraBody(b, extraBody);
    return b;
  }
  Result<WireResponse> parse(const std::string& text) const override {
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded()) return parseError("the response is not valid JSON (" + std::to_string(text.size()) + " bytes)");
    if (!j.is_object()) return parseError("the response is not a JSON object");
    if (j.contains("error") && !j.contains("choices")) return parseError("the server answered with an error: " + errorSnippet(text));
    auto choices = j.find("choices");
    if (choices == j.end() || !choices->is_array() || choices->empty())
      return parseError("the response has no 'choices'");
    WireResponse r;
    std::vector<std::pair<std::int64_t, WireChoice>> indexed;
    for (const auto& c : *choices) {
      if (!c.is_object() || !c.contains("message") || !c["message"].is_object())
        return parseError("a choice has no 'message' object");
      const json& m = c["message"];
      WireChoice w;
      w.text = m.contains("content") ? contentText(m["content"]) : "";
      w.reasoning = stringOr(m, "reasoning_content");
      if (w.reasoning.empty()) w.reasoning = stringOr(m, "reasoning");
      w.finishReason = stringOr(c, "finish_reason");
      indexed.emplace_back(c.contains("index") ? intOr(c, "index") : std::int64_t(indexed.size()), std::move(w));
    }
    std::stable_sort(indexed.begin(), indexed.end(), [](auto& a, auto& b) { return a.first < b.first; });
    for (auto& [i, w] : indexed) r.choices.push_back(std::move(w));
    if (j.contains("usage") && j["usage"].is_object()) {
      r.tokensIn = intOr(j["usage"], "prompt_tokens");
      r.tokensOut = intOr(j["usage"], "completion_tokens");
    }
    return r;
  }
};

class AnthropicFormat final : public WireFormat {
 public:
  std::string api() const override { return "anthropic"; }
  std::string defaultBaseUrl() const override { return "https://api.anthropic.com"; }
  std::string defaultKeyEnv() const override { return "ANTHROPIC_API_KEY"; }
  bool hasNativeN() const override { return false; }
  std::string url(const std::string& baseUrl) const override { return joinUrl(baseUrl, "/v1/messages"); }
  std::vector<std::pair<std::string, std::string>> authHeaders(const std::string& key) const override {
    std::vector<std::pair<std::string, std::string>> h{{"anthropic-version", "2023-06-01"}};
    if (!key.empty()) h.emplace_back("x-api-key", key);
    return h;
  }
  json body(const std::string& model, const std::vector<Message>& messages, const SamplingParams& p, int n,
            const json& extraBody) const override {
    std::string system;
    json msgs = json::array();
    for (const auto& m : messages) {
      if (m.role == "system") {
        system += (system.empty() ? "" : "\n\n") + m.content;
        continue;
      }
      msgs.push_back({{"role", m.role}, {"content", m.content}});
    }
    json b = {{"model", model}, {"messages", msgs}, {"max_tokens", p.maxTokens}, {"temperature", p.temperature}};
    if (!system.empty()) b["system"] = system;
    if (p.topP != 1.0) b["top_p"] = p.topP;
    if (!p.stop.empty()) b["stop_sequences"] = p.stop;
    mergeExtraBody(b, extraBody);
    return b;
  }
  Result<WireResponse> parse(const std::string& text) const override {
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded()) return parseError("the response is not valid JSON (" + std::to_string(text.size()) + " bytes)");
    if (!j.is_object()) return parseError("the response is not a JSON object");
    if (j.value("type", "") == "error") return parseError("the server answered with an error: " + errorSnippet(text));
    auto content = j.find("content");
    if (content == j.end() || !content->is_array()) return parseError("the response has no 'content' list");
    WireChoice w;
    for (const auto& block : *content) {
      if (!block.is_object()) continue;
      std::string type = block.value("type", "");
      if (type == "text") w.text += stringOr(block, "text");
      else if (type == "thinking") w.reasoning += stringOr(block, "thinking");
    }
    std::string stop = stringOr(j, "stop_reason");
    w.finishReason = stop == "max_tokens" ? "length" : (stop == "end_turn" || stop == "stop_sequence") ? "stop" : stop;
    WireResponse r;
    r.choices.push_back(std::move(w));
    if (j.contains("usage") && j["usage"].is_object()) {
      r.tokensIn = intOr(j["usage"], "input_tokens");
      r.tokensOut = intOr(j["usage"], "output_tokens");
    }
    return r;
  }
};

}  // namespace

std::unique_ptr<WireFormat> makeOpenAiFormat() { return std::make_unique<OpenAiFormat>(); }
std::unique_ptr<WireFormat> makeAnthropicFormat() { return std::make_unique<AnthropicFormat>(); }

void mergeExtraBody(json& body, const json& extra) {
  if (!extra.is_object()) return;
  for (auto it = extra.begin(); it != extra.end(); ++it) {
    if (it.value().is_null()) {
      body.erase(it.key());
    } else if (it.value().is_object() && body.contains(it.key()) && body[it.key()].is_object()) {
      mergeExtraBody(body[it.key()], it.value());
    } else {
      body[it.key()] = it.value();
    }
  }
}

std::string errorSnippet(const std::string& body) {
  json j = json::parse(body, nullptr, false);
  std::string msg;
  if (!j.is_discarded() && j.is_object()) {
    if (j.contains("error")) {
      const json& e = j["error"];
      msg = e.is_string() ? e.get<std::string>() : e.is_object() ? stringOr(e, "message") : "";
    }
    if (msg.empty()) msg = stringOr(j, "message");
    if (msg.empty()) msg = stringOr(j, "detail");
  }
  if (msg.empty()) msg = std::string(trim(body));
  for (auto& c : msg)
    if (c == '\n' || c == '\r') c = ' ';
  if (msg.size() > 300) msg = msg.substr(0, 300) + "...";
  return msg;
}

}  // namespace rtlarena
