// The libcurl client behind the HTTP providers. One easy handle per worker thread keeps the
// connection alive between requests; libcurl's global state is initialised once.
#include "http_client.h"

#include <curl/curl.h>

#include <cctype>
#include <chrono>
#include <ctime>
#include <mutex>

#include "rtlarena/core/text.h"

namespace rtlarena {
namespace {

std::once_flag curlInitOnce;

std::size_t onBody(char* data, std::size_t size, std::size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* user) {
  std::string_view line(data, size * count);
  auto colon = line.find(':');
  if (colon != std::string_view::npos) {
    std::string name(trim(line.substr(0, colon)));
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name == "retry-after") {
      auto* out = static_cast<std::optional<double>*>(user);
      *out = parseRetryAfter(std::string(trim(line.substr(colon + 1))));
    }
  } else if (startsWith(line, "HTTP/")) {
    // A new response (after a redirect or 100-continue): forget the previous headers.
    static_cast<std::optional<double>*>(user)->reset();
  }
  return size * count;
}

Transport classify(CURLcode code) {
  switch (code) {
    case CURLE_OK: return Transport::Ok;
    case CURLE_OPERATION_TIMEDOUT: return Transport::Timeout;
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
    case CURLE_NOT_BUILT_IN:
    case CURLE_OUT_OF_MEMORY: return Transport::Fatal;
    default: return Transport::Connection;  // refused, reset, got nothing, partial body, DNS, TLS
  }
}

}  // namespace

std::optional<double> parseRetryAfter(const std::string& value) {
  std::string v(trim(value));
  if (v.empty()) return std::nullopt;
  bool numeric = true;
  for (char c : v)
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.') numeric = false;
  if (numeric) {
    try {
      return std::stod(v);
    } catch (...) {
      return std::nullopt;
    }
  }
  // HTTP-date, e.g. "Wed, 21 Oct 2015 07:28:00 GMT".
  std::time_t when = curl_getdate(v.c_str(), nullptr);
  if (when < 0) return std::nullopt;
  double delta = std::difftime(when, std::time(nullptr));
  return delta > 0 ? delta : 0.0;
}

static int onProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* cancel = static_cast<const std::atomic<bool>*>(user);
  return cancel && cancel->load() ? 1 : 0;  // non-zero aborts the transfer
}

HttpClient::HttpClient(const std::atomic<bool>* cancel) : cancel_(cancel) {
  std::call_once(curlInitOnce, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  curl_ = curl_easy_init();
}

HttpClient::~HttpClient() {
  if (curl_) curl_easy_cleanup(static_cast<CURL*>(curl_));
}

HttpResponse HttpClient::post(const HttpRequest& request) {
  HttpResponse r;
  CURL* curl = static_cast<CURL*>(curl_);
  if (!curl) {
    r.transport = Transport::Fatal;
    r.transportError = "libcurl could not create a handle";
    return r;
  }
  curl_easy_reset(curl);  // keeps the connection cache
  struct curl_slist* headers = nullptr;
  headers = curl_slist_append(headers, "Content-Type: application/json");
  headers = curl_slist_append(headers, "Expect:");  // no 100-continue round trip
  for (const auto& [name, value] : request.headers)
    headers = curl_slist_append(headers, (name + ": " + value).c_str());
  char errorBuffer[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_POST, 1L);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeoutSeconds * 1000));
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.connectTimeoutSeconds * 1000));
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // timeouts without SIGALRM in a threaded program
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorBuffer);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, onBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &r.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, onHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &r.retryAfterSeconds);
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // whatever libcurl can decode
  curl_easy_setopt(curl, CURLOPT_TCP_KEEPALIVE, 1L);
  if (cancel_) {
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, onProgress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, cancel_);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
  }

  const auto start = std::chrono::steady_clock::now();
  CURLcode code = curl_easy_perform(curl);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  curl_slist_free_all(headers);
  r.transport = classify(code);
  if (code != CURLE_OK) {
    r.transportError = errorBuffer[0] ? errorBuffer : curl_easy_strerror(code);
    r.neverConnected = code == CURLE_COULDNT_CONNECT || code == CURLE_COULDNT_RESOLVE_HOST;
    return r;
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &r.status);
  return r;
}

}  // namespace rtlarena
