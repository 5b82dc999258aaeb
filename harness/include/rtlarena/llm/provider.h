// Providers turn a task into answers. Built-in: reference (the ceiling), bad (the negative
// control), replay (a JSONL of recorded answers); HTTP endpoints implement the same interface.
// A provider is asynchronous: submit() may return before the answers exist, and onAnswer is
// called exactly once per requested sample, possibly from another thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/tasks/task.h"

namespace rtlarena {

struct Message {
  std::string role;  ///< system | user | assistant
  std::string content;
};

struct SamplingParams {
  double temperature = 0.0;
  double topP = 1.0;
  int maxTokens = 16384;
  std::optional<std::int64_t> seed;
  std::vector<std::string> stop;
};

struct GenerationRequest {
  const Task* task = nullptr;
  std::vector<Message> messages;  ///< the rendered prompt
  int firstSample = 0;            ///< sample indices [firstSample, firstSample + count)
  int count = 1;
  SamplingParams params;
};

struct Answer {
  int sample = 0;
  std::string text;               ///< the raw answer
  std::string reasoning;          ///< reasoning returned separately (never extracted from)
  std::string finishReason;       ///< "stop", "length", ...
  bool error = false;             ///< no answer: stored as llm_error
  std::string errorMessage;
  std::int64_t tokensIn = 0;
  std::int64_t tokensOut = 0;
  double latencySeconds = 0;
  int attempts = 1;
  bool cached = false;
};

using AnswerCallback = std::function<void(const GenerationRequest&, Answer)>;

class Provider {
 public:
  virtual ~Provider() = default;
  /// "reference", "openai:gpt-x", ...
  virtual std::string name() const = 0;
  /// Whether prompts must be rendered for it (built-in providers ignore them).
  virtual bool wantsPrompt() const { return true; }
  /// Starts generating; onAnswer is called once per sample.
  virtual void submit(const GenerationRequest& request, AnswerCallback onAnswer) = 0;
  /// Blocks until every submitted request has been answered.
  virtual void drain() {}
  /// Parameters that define the answers, recorded with the run (JSON text).
  virtual std::string configJson() const { return "{}"; }
};

struct ProviderOptions {
  std::string spec;         ///< "reference", "bad", "replay:FILE", "openai:MODEL", ...
  std::string baseUrl;      ///< empty: the hosted API's own
  std::string apiKeyEnv;    ///< name of the variable holding the key (the key is never stored)
  std::string configFile;   ///< --model-config (already applied by loadModelConfig)
  SamplingParams params;
  int concurrency = 8;      ///< requests in flight at once
  bool useCache = true;
  std::string cacheDir;     ///< empty: $XDG_CACHE_HOME/rtlarena or ~/.cache/rtlarena

  // HTTP endpoints only (openai:, anthropic:). See docs/LLM.md.
  std::vector<std::pair<std::string, std::string>> headers;  ///< extra headers, never recorded
  std::string extraBodyJson;      ///< JSON object merged into each request body (null removes a field)
  std::string nMode = "auto";     ///< native | repeat | auto (native `n` where the API has it)
  double requestsPerMinute = 0;   ///< 0: no limit
  double tokensPerMinute = 0;     ///< prompt + completion tokens; 0: no limit
  double timeoutSeconds = 600;    ///< per request
  int retries = 8;                ///< further attempts after the first
  double backoffInitialSeconds = 1;
  double backoffMaxSeconds = 60;
  double retryAfterMaxSeconds = 600;  ///< a longer Retry-After is cut to this
  double rateWindowSeconds = 60;      ///< the window of the rpm/tpm limits (tests shorten it)
  bool quiet = false;                 ///< no summary line on stderr
};

/// The registry of providers: one line per provider in provider.cpp.
Result<std::unique_ptr<Provider>> makeProvider(const ProviderOptions& options);

}  // namespace rtlarena
