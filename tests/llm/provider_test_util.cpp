// Provider test helpers.
#include "provider_test_util.h"

#include <gtest/gtest.h>

namespace rtlarena::testing {

ProviderOptions fastOptions(const std::string& spec, const std::string& baseUrl) {
  ProviderOptions o;
  o.spec = spec;
  o.baseUrl = baseUrl;
  o.concurrency = 4;
  o.useCache = false;
  o.retries = 4;
  o.backoffInitialSeconds = 0.01;
  o.backoffMaxSeconds = 0.05;
  o.timeoutSeconds = 5;
  o.quiet = true;
  return o;
}

const Task& sampleTask() {
  static const Task task = [] {
    Task t;
    t.id = "t1";
    t.spec = "Write an inverter.";
    return t;
  }();
  return task;
}

GenerationRequest makeRequest(int firstSample, int count, std::vector<Message> messages) {
  GenerationRequest r;
  r.task = &sampleTask();
  r.messages = messages.empty() ? std::vector<Message>{{"system", "You write Verilog."}, {"user", "Write an inverter."}}
                                : std::move(messages);
  r.firstSample = firstSample;
  r.count = count;
  return r;
}

AnswerCallback Collector::callback() {
  return [this](const GenerationRequest&, Answer a) {
    std::lock_guard lock(mutex_);
    ++calls_;
    int s = a.sample;
    answers_[s] = std::move(a);
  };
}

std::map<int, Answer> Collector::answers() const {
  std::lock_guard lock(mutex_);
  return answers_;
}

int Collector::calls() const {
  std::lock_guard lock(mutex_);
  return calls_;
}

std::map<int, Answer> generate(const ProviderOptions& options, const GenerationRequest& request, int* callbacks) {
  auto provider = makeProvider(options);
  EXPECT_TRUE(provider) << (provider ? "" : provider.error().message);
  if (!provider) return {};
  Collector c;
  (*provider)->submit(request, c.callback());
  (*provider)->drain();
  if (callbacks) *callbacks = c.calls();
  return c.answers();
}

}  // namespace rtlarena::testing
