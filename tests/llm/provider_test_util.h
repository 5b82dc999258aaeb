// Helpers for provider tests: fast retry settings, a thread-safe answer collector.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "rtlarena/llm/provider.h"

namespace rtlarena::testing {

/// Options with millisecond backoffs and short timeouts, no cache, no stderr summary.
ProviderOptions fastOptions(const std::string& spec, const std::string& baseUrl);

/// A task with a fixed prompt, for requests.
const Task& sampleTask();
GenerationRequest makeRequest(int firstSample, int count, std::vector<Message> messages = {});

/// Collects answers; counts callbacks per sample so "exactly once" can be asserted.
class Collector {
 public:
  AnswerCallback callback();
  std::map<int, Answer> answers() const;
  int calls() const;

 private:
  mutable std::mutex mutex_;
  std::map<int, Answer> answers_;
  int calls_ = 0;
};

/// Builds the provider (asserting success), submits one request and drains.
std::map<int, Answer> generate(const ProviderOptions& options, const GenerationRequest& request,
                               int* callbacks = nullptr);

}  // namespace rtlarena::testing
