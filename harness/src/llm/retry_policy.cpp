// Retry decisions. Retried: timeouts, connection failures (refused, reset, truncated body),
// 408, 409, 425, 429 and every 5xx. Not retried: other 4xx (a bad request, key or model name
// will fail the same way again), and requests libcurl can never send. Some of those are fatal
// for the whole endpoint (a refused key, an unknown model or path): the provider stops asking.
#include "retry_policy.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "wire_format.h"

namespace rtlarena {

namespace {

// A 400 or 422 whose body says the model does not exist (vLLM, Ollama, llama.cpp word it so).
bool namesUnknownModel(const HttpResponse& r) {
  if (r.status != 400 && r.status != 422) return false;
  std::string body = r.body;
  for (auto& c : body) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (body.find("model") == std::string::npos) return false;
  for (const char* words : {"not found", "does not exist", "unknown model", "no such model", "not exist"})
    if (body.find(words) != std::string::npos) return true;
  return false;
}

}  // namespace

std::optional<AttemptFailure> classifyResponse(const HttpResponse& r, double timeoutSeconds) {
  AttemptFailure f;
  switch (r.transport) {
    case Transport::Timeout:
      f.kind = "timeout";
      f.reason = "no complete answer within the " + std::to_string(static_cast<long>(std::ceil(timeoutSeconds))) +
                 " s timeout";
      f.retryable = true;
      return f;
    case Transport::Connection:
      f.kind = "connection";
      f.reason = "connection failed: " + r.transportError;
      f.retryable = true;
      return f;
    case Transport::Fatal:
      f.kind = "request";
      f.reason = "cannot send the request: " + r.transportError;
      return f;
    case Transport::Ok: break;
  }
  if (r.status >= 200 && r.status < 300) return std::nullopt;
  f.kind = "http_" + std::to_string(r.status);
  f.reason = "HTTP " + std::to_string(r.status) + ": " + errorSnippet(r.body);
  f.retryable = r.status == 408 || r.status == 409 || r.status == 425 || r.status == 429 || r.status >= 500;
  f.retryAfterSeconds = r.retryAfterSeconds;
  f.endpointFatal = r.status == 401 || r.status == 403 || r.status == 404 || namesUnknownModel(r);
  if (f.endpointFatal) f.retryable = false;
  return f;
}

double backoffSeconds(const RetrySettings& s, int failedAttempts, std::optional<double> retryAfter,
                      std::mt19937_64& rng) {
  if (retryAfter) return std::clamp(*retryAfter, 0.0, s.retryAfterMaxSeconds);
  double d = s.initialSeconds * std::pow(2.0, std::max(0, failedAttempts - 1));
  d = std::min(d, s.maxSeconds);
  std::uniform_real_distribution<double> jitter(0.5, 1.0);
  return d * jitter(rng);
}

}  // namespace rtlarena
