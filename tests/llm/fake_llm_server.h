// A scriptable OpenAI-compatible and Anthropic-compatible server for tests and benchmarks.
// Loopback only. Each request takes the next scripted reply (then the default one): answers,
// `n` answers, error statuses with Retry-After, slow answers, malformed JSON, truncated
// bodies, dropped connections, finish_reason "length".
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace httplib {
class Server;
}

namespace rtlarena::testing {

struct FakeReply {
  enum class Kind {
    Answer,     ///< 200 with answers
    Status,     ///< an error status with `body` and optional Retry-After
    Malformed,  ///< 200 whose body is not JSON
    Truncated,  ///< 200 whose body stops before Content-Length
    Drop,       ///< headers, then the connection closes
  };
  Kind kind = Kind::Answer;
  int status = 200;
  std::string body;                 ///< Status: the error body
  std::optional<int> retryAfter;    ///< Status: Retry-After seconds
  std::string text;                 ///< Answer: empty means the server's default answer
  std::string reasoning;            ///< Answer: returned separately (reasoning_content / thinking)
  std::string finishReason = "stop";
  int choices = -1;                 ///< Answer: -1 gives as many as `n` asked for
  int delayMs = 0;                  ///< before replying (any kind)

  static FakeReply status429(int retryAfterSeconds) {
    FakeReply r;
    r.kind = Kind::Status;
    r.status = 429;
    r.body = R"({"error":{"message":"rate limited","type":"rate_limit"}})";
    r.retryAfter = retryAfterSeconds;
    return r;
  }
  static FakeReply error(int code) {
    FakeReply r;
    r.kind = Kind::Status;
    r.status = code;
    r.body = R"({"error":{"message":"server says )" + std::to_string(code) + R"("}})";
    return r;
  }
  static FakeReply of(Kind k) {
    FakeReply r;
    r.kind = k;
    return r;
  }
  static FakeReply slow(int ms) {
    FakeReply r;
    r.delayMs = ms;
    return r;
  }
};

struct FakeServerOptions {
  std::string host = "127.0.0.1";
  int port = 0;                 ///< 0: an ephemeral port
  int delayMs = 0;              ///< added to every reply
  std::string answersFrom;      ///< a suite dir: answer with the reference of the task whose spec is in the prompt
  bool uniqueAnswers = false;   ///< make every answer's code distinct (a comment), so none is de-duplicated
  int threads = 128;
};

class FakeLlmServer {
 public:
  explicit FakeLlmServer(FakeServerOptions options = {});
  ~FakeLlmServer();
  FakeLlmServer(const FakeLlmServer&) = delete;
  FakeLlmServer& operator=(const FakeLlmServer&) = delete;

  /// Starts listening (again, on the same port after stop()); false if the port is taken.
  bool start();
  void stop();
  int port() const { return port_; }
  std::string openaiBase() const { return "http://127.0.0.1:" + std::to_string(port_) + "/v1"; }
  std::string anthropicBase() const { return "http://127.0.0.1:" + std::to_string(port_); }

  /// Replies for the next requests, in order; appended to what is still queued.
  void script(std::vector<FakeReply> replies);
  void setDefault(FakeReply reply);

  int requests() const { return requests_.load(); }
  int maxInFlight() const { return maxInFlight_.load(); }
  /// Request bodies and headers received, in arrival order.
  std::vector<nlohmann::json> bodies() const;
  std::vector<std::string> authorizations() const;
  /// Arrival times of requests in seconds since the server was constructed.
  std::vector<double> arrivals() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  FakeServerOptions options_;
  int port_ = 0;
  std::atomic<int> requests_{0}, inFlight_{0}, maxInFlight_{0};
  std::thread thread_;
  friend struct Impl;
};

}  // namespace rtlarena::testing
