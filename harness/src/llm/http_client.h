// One HTTP connection for one worker: a libcurl easy handle reused across requests so
// keep-alive connections survive. Transport failures are data here (HttpResponse), so the
// retry policy can tell a timeout from a refused connection from a server error.
#pragma once

#include <atomic>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rtlarena {

enum class Transport {
  Ok,            ///< a complete HTTP response arrived (any status)
  Timeout,       ///< the per-request timeout expired
  Connection,    ///< refused, reset, dropped, truncated body, DNS
  Fatal,         ///< a request that can never work (bad URL, unsupported protocol)
};

struct HttpRequest {
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  double timeoutSeconds = 600;
  double connectTimeoutSeconds = 10;
};

struct HttpResponse {
  Transport transport = Transport::Ok;
  std::string transportError;  ///< libcurl's message when transport != Ok
  bool neverConnected = false;  ///< refused or unresolved: no server answered at all
  long status = 0;
  std::string body;
  std::optional<double> retryAfterSeconds;  ///< from a Retry-After header
  double seconds = 0;                       ///< wall time of the request
};

class HttpClient {
 public:
  /// A set `cancel` flag aborts a request in flight (checked a few times a second).
  explicit HttpClient(const std::atomic<bool>* cancel = nullptr);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  /// POSTs the body; never throws, never retries.
  HttpResponse post(const HttpRequest& request);

 private:
  void* curl_;  // CURL*, kept out of the header
  const std::atomic<bool>* cancel_;
};

/// Retry-After as seconds: either delta-seconds or an HTTP-date; nullopt when unreadable.
std::optional<double> parseRetryAfter(const std::string& value);

}  // namespace rtlarena
