// The reward server's counters, rendered in the Prometheus text format for GET
// /metrics: requests by endpoint and status, a latency histogram, the queue
// depth, cache hits and in-flight joins, verdict counts, evaluations that
// failed on rtlarena's side (sandbox or tools), and the CPU time the
// evaluations' processes used. Thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace rtlarena {

class ServeMetrics {
 public:
  /// One HTTP request answered.
  void request(const std::string& endpoint, int status, double seconds);
  /// One finished evaluation with its verdict name and wall time.
  void evaluated(const std::string& verdict, double seconds);
  /// One answer settled without tools (no code): a verdict, not an evaluation.
  void settled(const std::string& verdict);
  void cacheHit();
  void joinedInFlight();
  void rejected(const std::string& reason);
  void sandboxFailure();
  /// Renders every metric; `queueDepth`/`queueCapacity`/`cacheSize` are read by
  /// the caller.
  std::string render(std::size_t queueDepth, std::size_t queueCapacity, std::size_t cacheSize) const;

  static constexpr std::array<double, 14> kBuckets = {0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120};

 private:
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;
  std::array<std::uint64_t, kBuckets.size()> latencyBuckets_{};
  std::uint64_t latencyCount_ = 0;
  double latencySum_ = 0;
  std::map<std::string, std::uint64_t> verdicts_;
  std::map<std::string, std::uint64_t> rejected_;
  std::uint64_t evaluations_ = 0;
  double evaluationSeconds_ = 0;
  std::uint64_t cacheHits_ = 0;
  std::uint64_t joins_ = 0;
  std::uint64_t sandboxFailures_ = 0;
};

}  // namespace rtlarena
