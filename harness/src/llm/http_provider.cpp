// HttpProvider. submit() answers cached samples at once and queues the rest as jobs (one job
// per sample, or one per request range where the API has a native `n`); workers send them
// under the rate limits, retry what may succeed later and deliver every sample exactly once,
// as an answer or as an error that is stored as llm_error. The API key lives only in the
// request headers: errors are scrubbed of it, and it is in no key, record or log.
#include "http_provider.h"

#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "http_client.h"
#include "rate_limiter.h"
#include "response_cache.h"
#include "retry_policy.h"
#include "rtlarena/core/hash.h"
#include "rtlarena/core/text.h"
#include "wire_format.h"

namespace rtlarena {

using nlohmann::json;

namespace {

constexpr int kMaxNativeN = 16;  // larger ranges are split: servers cap n, and smaller requests overlap

struct Job {
  std::shared_ptr<const GenerationRequest> request;
  std::shared_ptr<const std::string> requestKey;
  std::shared_ptr<const AnswerCallback> callback;
  std::vector<int> samples;
};

struct Stats {
  int samples = 0, cached = 0, requests = 0, failed = 0;
  std::map<std::string, int> retried, failures;
};

std::string tally(const std::map<std::string, int>& m) {
  std::string out;
  for (const auto& [k, v] : m) out += (out.empty() ? "" : ", ") + k + " x" + std::to_string(v);
  return out;
}

class HttpProvider final : public Provider {
 public:
  HttpProvider(ProviderOptions options, std::unique_ptr<WireFormat> format, std::string model, std::string baseUrl,
               std::string apiKey, json extraBody, std::filesystem::path cacheDir)
      : opts_(std::move(options)), format_(std::move(format)), model_(std::move(model)),
        baseUrl_(std::move(baseUrl)), url_(format_->url(baseUrl_)), apiKey_(std::move(apiKey)),
        extraBody_(std::move(extraBody)), cache_(std::move(cacheDir)),
        limiter_(opts_.requestsPerMinute, opts_.tokensPerMinute,
                 std::chrono::duration_cast<RateLimiter::Clock::duration>(
                     std::chrono::duration<double>(opts_.rateWindowSeconds))),
        nativeN_(format_->hasNativeN() && opts_.nMode != "repeat"), rng_(std::random_device{}()) {
    retry_ = {opts_.retries, opts_.backoffInitialSeconds, opts_.backoffMaxSeconds, opts_.retryAfterMaxSeconds};
    headers_ = format_->authHeaders(apiKey_);
    for (const auto& h : opts_.headers) headers_.push_back(h);
    for (int i = 0; i < opts_.concurrency; ++i) workers_.emplace_back([this] { workerLoop(); });
  }

  ~HttpProvider() override {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
      outstanding_ -= static_cast<int>(queue_.size());
      queue_.clear();  // never started: no callbacks into a run that is going away
    }
    limiter_.stop();
    wake_.notify_all();
    for (auto& t : workers_) t.join();
  }

  std::string name() const override { return opts_.spec; }

  std::string configJson() const override {
    return json{{"api", format_->api()}, {"model", model_}, {"base_url", baseUrl_}, {"n_mode", opts_.nMode}}.dump();
  }

  void submit(const GenerationRequest& request, AnswerCallback onAnswer) override {
    auto req = std::make_shared<const GenerationRequest>(request);
    auto key = std::make_shared<const std::string>(requestKey(request));
    auto callback = std::make_shared<const AnswerCallback>(std::move(onAnswer));
    std::vector<int> missing;
    for (int s = request.firstSample; s < request.firstSample + request.count; ++s) {
      if (auto hit = cache_.get(sampleCacheKey(*key, s))) {
        hit->sample = s;
        count([](Stats& st) { ++st.samples, ++st.cached; });
        (*callback)(*req, std::move(*hit));
      } else {
        missing.push_back(s);
      }
    }
    std::vector<Job> jobs;
    if (nativeN_.load()) {
      for (std::size_t i = 0; i < missing.size(); i += kMaxNativeN)
        jobs.push_back({req, key, callback,
                        {missing.begin() + static_cast<long>(i),
                         missing.begin() + static_cast<long>(std::min(missing.size(), i + kMaxNativeN))}});
    } else {
      for (int s : missing) jobs.push_back({req, key, callback, {s}});
    }
    enqueue(std::move(jobs));
  }

  void drain() override {
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [this] { return outstanding_ == 0; });
    if (opts_.quiet || stats_.samples == 0) return;
    std::string line = opts_.spec + ": " + std::to_string(stats_.samples) + " samples, " +
                       std::to_string(stats_.cached) + " from cache, " + std::to_string(stats_.requests) +
                       " requests";
    if (!stats_.retried.empty()) line += "; retried: " + tally(stats_.retried);
    if (stats_.failed) line += "; " + std::to_string(stats_.failed) + " failed (llm_error): " + tally(stats_.failures);
    std::fprintf(stderr, "%s%s\n", isatty(2) ? "\n" : "", line.c_str());
    stats_ = {};
  }

 private:
  template <typename F>
  void count(F f) {
    std::lock_guard lock(mutex_);
    f(stats_);
  }

  // Everything that defines an answer, except the sample index (added per sample).
  std::string requestKey(const GenerationRequest& r) const {
    json messages = json::array();
    for (const auto& m : r.messages) messages.push_back({{"role", m.role}, {"content", m.content}});
    json k = {{"v", 1},
              {"api", format_->api()},
              {"url", url_},
              {"model", model_},
              {"messages", messages},
              {"temperature", r.params.temperature},
              {"top_p", r.params.topP},
              {"max_tokens", r.params.maxTokens},
              {"seed", r.params.seed ? json(*r.params.seed) : json()},
              {"stop", r.params.stop},
              {"extra_body", extraBody_}};
    return sha256Hex(k.dump());
  }

  void enqueue(std::vector<Job> jobs) {
    if (jobs.empty()) return;
    {
      std::lock_guard lock(mutex_);
      for (auto& j : jobs) {
        outstanding_ += 1;
        queue_.push_back(std::move(j));
      }
    }
    wake_.notify_all();
  }

  void workerLoop() {
    HttpClient client(&stopping_);
    while (true) {
      Job job;
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (stopping_ && queue_.empty()) return;
        job = std::move(queue_.front());
        queue_.pop_front();
      }
      run(job, client);
      {
        std::lock_guard lock(mutex_);
        outstanding_ -= 1;
      }
      idle_.notify_all();
    }
  }

  std::string scrub(std::string s) const { return apiKey_.empty() ? s : replaceAll(s, apiKey_, "***"); }

  // Sleeps unless the provider is being destroyed; false then.
  bool pause(double seconds) {
    std::unique_lock lock(mutex_);
    return !wake_.wait_for(lock, std::chrono::duration<double>(seconds), [this] { return stopping_.load(); });
  }

  void run(const Job& job, HttpClient& client) {
    const GenerationRequest& req = *job.request;
    const int n = static_cast<int>(job.samples.size());
    SamplingParams params = req.params;
    if (params.seed) *params.seed += job.samples.front();  // distinct samples from repeated requests
    HttpRequest http;
    http.url = url_;
    http.headers = headers_;
    http.body = format_->body(model_, req.messages, params, n, extraBody_).dump();
    http.timeoutSeconds = opts_.timeoutSeconds;
    std::int64_t estimate = 0;
    for (const auto& m : req.messages) estimate += static_cast<std::int64_t>(m.content.size() / 4 + 4);

    for (int attempt = 1;; ++attempt) {
      if (auto why = fatalReason()) return fail(job, "not sent: " + *why, "endpoint", attempt - 1, 0);
      std::uint64_t ticket = limiter_.acquire(estimate);
      if (ticket == 0) return fail(job, "the run was stopped before the request was sent", "stopped", attempt - 1, 0);
      count([](Stats& st) { ++st.requests; });
      HttpResponse resp = client.post(http);
      std::optional<AttemptFailure> failure = classifyResponse(resp, opts_.timeoutSeconds);
      if (!failure) {
        auto parsed = format_->parse(resp.body);
        if (parsed) {
          answered_ = true;
          limiter_.settle(ticket, parsed->tokensIn + parsed->tokensOut);
          return deliver(job, *parsed, attempt, resp.seconds);
        }
        failure = AttemptFailure{"malformed response: " + parsed.error().message, "malformed", true, std::nullopt};
      }
      if (failure->retryAfterSeconds && resp.status == 429)
        limiter_.pauseUntil(RateLimiter::Clock::now() +
                            std::chrono::duration_cast<RateLimiter::Clock::duration>(std::chrono::duration<double>(
                                std::min(*failure->retryAfterSeconds, retry_.retryAfterMaxSeconds))));
      // A server that rejects `n` gets the samples one by one from now on.
      if (n > 1 && !failure->retryable && resp.status >= 400 && resp.status < 500 && opts_.nMode == "auto") {
        nativeN_ = false;
        return requeueSingles(job, job.samples);
      }
      // Nothing to gain from retrying what fails the same way for every request: stop the
      // endpoint, so a run with a wrong URL, key or model ends in seconds and says why.
      if (failure->endpointFatal || (resp.neverConnected && !answered_)) {
        const std::string why = failure->reason + " (" + (resp.neverConnected ? "nothing answers at " + baseUrl_
                                                                                : std::string("not retried")) + ")";
        setFatal(why);
        return fail(job, why, failure->kind, attempt, resp.seconds);
      }
      if (!failure->retryable || attempt > retry_.retries) {
        std::string why = failure->reason + (failure->retryable ? " (gave up after " + std::to_string(attempt) + " attempts)"
                                                                : " (not retried)");
        return fail(job, why, failure->kind, attempt, resp.seconds);
      }
      count([&](Stats& st) { ++st.retried[failure->kind]; });
      double wait;
      {
        std::lock_guard lock(mutex_);
        wait = backoffSeconds(retry_, attempt, failure->retryAfterSeconds, rng_);
      }
      if (!opts_.quiet)
        std::fprintf(stderr, "rtlarena: %s: task %s sample %d: attempt %d of %d failed: %s; next attempt in %.1f s\n",
                     opts_.spec.c_str(), req.task ? req.task->id.c_str() : "?", job.samples.front(), attempt,
                     retry_.retries + 1, scrub(failure->reason).c_str(), wait);
      if (!pause(wait)) return fail(job, "the run was stopped during a retry wait", "stopped", attempt, resp.seconds);
    }
  }

  std::optional<std::string> fatalReason() {
    std::lock_guard lock(mutex_);
    return fatal_;
  }

  void setFatal(const std::string& why) {
    std::lock_guard lock(mutex_);
    if (!fatal_) {
      fatal_ = why;
      if (!opts_.quiet) std::fprintf(stderr, "rtlarena: %s: %s; no further requests\n", opts_.spec.c_str(), scrub(why).c_str());
    }
  }

  void deliver(const Job& job, const WireResponse& r, int attempts, double seconds) {
    const std::size_t n = job.samples.size();
    const std::size_t got = std::min(n, r.choices.size());
    for (std::size_t i = 0; i < got; ++i) {
      Answer a;
      a.sample = job.samples[i];
      a.text = r.choices[i].text;
      a.reasoning = r.choices[i].reasoning;
      a.finishReason = r.choices[i].finishReason;
      // One request's usage is shared out so that sums over samples stay true.
      a.tokensIn = r.tokensIn / static_cast<std::int64_t>(got) + (i == 0 ? r.tokensIn % static_cast<std::int64_t>(got) : 0);
      a.tokensOut = r.tokensOut / static_cast<std::int64_t>(got) + (i == 0 ? r.tokensOut % static_cast<std::int64_t>(got) : 0);
      a.latencySeconds = seconds;
      a.attempts = attempts;
      cache_.put(sampleCacheKey(*job.requestKey, a.sample), a);
      count([](Stats& st) { ++st.samples; });
      if (!stopping_) (*job.callback)(*job.request, std::move(a));
    }
    if (got < n) {
      // The server ignored `n` (some do, silently): ask for the rest one at a time.
      if (opts_.nMode == "auto") nativeN_ = false;
      requeueSingles(job, std::vector<int>(job.samples.begin() + static_cast<long>(got), job.samples.end()));
    }
  }

  void requeueSingles(const Job& job, const std::vector<int>& samples) {
    std::vector<Job> jobs;
    for (int s : samples) jobs.push_back({job.request, job.requestKey, job.callback, {s}});
    enqueue(std::move(jobs));
  }

  void fail(const Job& job, const std::string& why, const std::string& kind, int attempts, double seconds) {
    for (int s : job.samples) {
      Answer a;
      a.sample = s;
      a.error = true;
      a.errorMessage = scrub(why);
      a.attempts = attempts;
      a.latencySeconds = seconds;
      count([&](Stats& st) {
        ++st.samples, ++st.failed;
        ++st.failures[kind];
      });
      if (!stopping_) (*job.callback)(*job.request, std::move(a));
    }
  }

  const ProviderOptions opts_;
  const std::unique_ptr<WireFormat> format_;
  const std::string model_, baseUrl_, url_, apiKey_;
  const json extraBody_;
  const ResponseCache cache_;
  RateLimiter limiter_;
  RetrySettings retry_;
  std::atomic<bool> answered_{false};    ///< some request succeeded: a refused connection is then transient
  std::optional<std::string> fatal_;     ///< set once: every later request fails with it (guarded by mutex_)
  std::vector<std::pair<std::string, std::string>> headers_;
  std::atomic<bool> nativeN_;

  std::mutex mutex_;
  std::condition_variable wake_, idle_;
  std::deque<Job> queue_;
  int outstanding_ = 0;
  std::atomic<bool> stopping_{false};
  Stats stats_;
  std::mt19937_64 rng_;
  std::vector<std::thread> workers_;
};

Error configError(const std::string& what) { return makeError(ErrorCode::BadConfig, what); }

}  // namespace

Result<std::unique_ptr<Provider>> makeHttpProvider(const ProviderOptions& options) {
  const auto colon = options.spec.find(':');
  const std::string api = options.spec.substr(0, colon);
  const std::string model = colon == std::string::npos ? "" : options.spec.substr(colon + 1);
  std::unique_ptr<WireFormat> format = api == "openai" ? makeOpenAiFormat() : makeAnthropicFormat();
  if (model.empty()) return makeError(ErrorCode::BadArgument, "--model " + options.spec + ": give the model name, e.g. " + api + ":NAME");
  const std::string baseUrl = options.baseUrl.empty() ? format->defaultBaseUrl() : options.baseUrl;
  if (!startsWith(baseUrl, "http://") && !startsWith(baseUrl, "https://"))
    return makeError(ErrorCode::BadArgument, "--base-url '" + baseUrl + "': expected a URL starting with http:// or https://");

  // The key: from the named variable; a hosted API's usual variable when no name is given;
  // none for a self-hosted server unless asked for.
  std::string keyEnv = options.apiKeyEnv;
  if (keyEnv.empty() && options.baseUrl.empty()) keyEnv = format->defaultKeyEnv();
  std::string key;
  if (!keyEnv.empty()) {
    const char* v = std::getenv(keyEnv.c_str());
    if (!v || !*v)
      return configError("environment variable " + keyEnv + " is not set; export it, or name another with --api-key-env" +
                         (options.baseUrl.empty() ? "" : ""));
    key = v;
  }
  json extraBody = json::object();
  if (!options.extraBodyJson.empty()) {
    extraBody = json::parse(options.extraBodyJson, nullptr, false);
    if (extraBody.is_discarded() || !extraBody.is_object())
      return configError("extra_body must be a JSON object (got: " + options.extraBodyJson.substr(0, 80) + ")");
  }
  if (options.nMode != "auto" && options.nMode != "native" && options.nMode != "repeat")
    return configError("n_mode is '" + options.nMode + "'; expected auto, native or repeat");
  if (options.nMode == "native" && !format->hasNativeN())
    return configError("n_mode native: the " + api + " API has no `n` parameter; use repeat or auto");
  if (options.concurrency < 1 || options.concurrency > 1024)
    return makeError(ErrorCode::BadArgument, "--concurrency must be between 1 and 1024");
  if (options.timeoutSeconds <= 0) return makeError(ErrorCode::BadArgument, "--timeout must be positive");
  if (options.retries < 0) return makeError(ErrorCode::BadArgument, "--retries must be 0 or more");
  for (const auto& [name, value] : options.headers)
    if (name.empty() || name.find_first_of(":\r\n ") != std::string::npos || value.find_first_of("\r\n") != std::string::npos)
      return makeError(ErrorCode::BadArgument, "header '" + name + "': expected NAME: VALUE on one line");

  std::filesystem::path cacheDir;
  if (options.useCache) cacheDir = options.cacheDir.empty() ? ResponseCache::defaultDir() : std::filesystem::path(options.cacheDir);
  return std::unique_ptr<Provider>(std::make_unique<HttpProvider>(options, std::move(format), model, baseUrl, key,
                                                                  std::move(extraBody), cacheDir));
}

}  // namespace rtlarena
