// When to try a request again and how long to wait first: exponential backoff with jitter,
// or the server's Retry-After when it gives one.
#pragma once

#include <optional>
#include <random>
#include <string>

#include "http_client.h"

namespace rtlarena {

struct RetrySettings {
  int retries = 8;
  double initialSeconds = 1;
  double maxSeconds = 60;
  double retryAfterMaxSeconds = 600;
};

/// One failed attempt: why, and whether another attempt may succeed.
struct AttemptFailure {
  std::string reason;     ///< "HTTP 429: rate limited", "timeout after 30 s", ...
  std::string kind;       ///< short class for the run summary: http_429, timeout, connection, ...
  bool retryable = false;
  std::optional<double> retryAfterSeconds;
  /// Retrying cannot help and no other request will fare better: a key that is refused
  /// (401, 403), a path or model the server does not know (404, "model ... not found").
  /// A refused connection is fatal too, but only before any request succeeded (the caller knows).
  bool endpointFatal = false;
};

/// Failure of a transport error or a non-2xx status (nullopt for a 2xx response).
std::optional<AttemptFailure> classifyResponse(const HttpResponse& response, double timeoutSeconds);

/// Seconds to wait before attempt `failedAttempts + 1`: Retry-After when given (capped),
/// otherwise initial × 2^(failedAttempts−1), capped, times a jitter in [0.5, 1].
double backoffSeconds(const RetrySettings& settings, int failedAttempts, std::optional<double> retryAfter,
                      std::mt19937_64& rng);

}  // namespace rtlarena
