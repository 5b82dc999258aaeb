// The shape of one API's requests and responses: OpenAI-compatible chat completions and
// Anthropic messages. Pure functions of their inputs, so they are tested without a server.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/llm/provider.h"

namespace rtlarena {

struct WireChoice {
  std::string text;
  std::string reasoning;     ///< reasoning_content / reasoning / thinking blocks
  std::string finishReason;  ///< normalised: stop | length | other server values
};

struct WireResponse {
  std::vector<WireChoice> choices;
  std::int64_t tokensIn = 0;
  std::int64_t tokensOut = 0;
};

class WireFormat {
 public:
  virtual ~WireFormat() = default;
  virtual std::string api() const = 0;  ///< "openai" | "anthropic"
  virtual std::string defaultBaseUrl() const = 0;
  virtual std::string defaultKeyEnv() const = 0;
  virtual bool hasNativeN() const = 0;
  virtual std::string url(const std::string& baseUrl) const = 0;
  /// Authentication headers for a key (none when the key is empty).
  virtual std::vector<std::pair<std::string, std::string>> authHeaders(const std::string& key) const = 0;
  /// The request body for `n` answers; extraBody is merged last (null removes a field).
  virtual nlohmann::json body(const std::string& model, const std::vector<Message>& messages,
                              const SamplingParams& params, int n, const nlohmann::json& extraBody) const = 0;
  /// A 2xx body → answers. Parse errors describe what was wrong, for the sample's record.
  virtual Result<WireResponse> parse(const std::string& body) const = 0;
};

std::unique_ptr<WireFormat> makeOpenAiFormat();
std::unique_ptr<WireFormat> makeAnthropicFormat();

/// Merges `extra` into `body`: objects recursively, a null value removes the key.
void mergeExtraBody(nlohmann::json& body, const nlohmann::json& extra);

/// The server's own error message from an error body, shortened for a record.
std::string errorSnippet(const std::string& body);

}  // namespace rtlarena
