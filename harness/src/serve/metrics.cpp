// Prometheus text rendering of the server's counters (see metrics.h).
#include "rtlarena/serve/metrics.h"

#include <cstdio>

namespace rtlarena {

void ServeMetrics::request(const std::string& endpoint, int status, double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{endpoint, status}];
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++latencyBuckets_[i];
  ++latencyCount_;
  latencySum_ += seconds;
}

void ServeMetrics::evaluated(const std::string& verdict, double seconds) {
  std::lock_guard lock(mutex_);
  ++verdicts_[verdict];
  ++evaluations_;
  evaluationSeconds_ += seconds;
}

void ServeMetrics::settled(const std::string& verdict) {
  std::lock_guard lock(mutex_);
  ++verdicts_[verdict];
}

void ServeMetrics::cacheHit() {
  std::lock_guard lock(mutex_);
  ++cacheHits_;
}

void ServeMetrics::joinedInFlight() {
  std::lock_guard lock(mutex_);
  ++joins_;
}

void ServeMetrics::rejected(const std::string& reason) {
  std::lock_guard lock(mutex_);
  ++rejected_[reason];
}

void ServeMetrics::sandboxFailure() {
  std::lock_guard lock(mutex_);
  ++sandboxFailures_;
}

namespace {

std::string number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

void family(std::string& out, const char* name, const char* type, const char* help) {
  out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
}

}  // namespace

std::string ServeMetrics::render(std::size_t queueDepth, std::size_t queueCapacity, std::size_t cacheSize) const {
  std::lock_guard lock(mutex_);
  std::string o;
  family(o, "rtlarena_requests_total", "counter", "HTTP requests answered, by endpoint and status");
  for (const auto& [key, n] : requests_)
    o += "rtlarena_requests_total{endpoint=\"" + key.first + "\",code=\"" + std::to_string(key.second) + "\"} " +
         std::to_string(n) + "\n";
  family(o, "rtlarena_request_seconds", "histogram", "Time from a request's arrival to its answer");
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    o += "rtlarena_request_seconds_bucket{le=\"" + number(kBuckets[i]) + "\"} " + std::to_string(latencyBuckets_[i]) + "\n";
  o += "rtlarena_request_seconds_bucket{le=\"+Inf\"} " + std::to_string(latencyCount_) + "\n";
  o += "rtlarena_request_seconds_sum " + number(latencySum_) + "\n";
  o += "rtlarena_request_seconds_count " + std::to_string(latencyCount_) + "\n";
  family(o, "rtlarena_queue_depth", "gauge", "Evaluations waiting or running");
  o += "rtlarena_queue_depth " + std::to_string(queueDepth) + "\n";
  family(o, "rtlarena_queue_capacity", "gauge", "Evaluations admitted at most; beyond it requests get 503");
  o += "rtlarena_queue_capacity " + std::to_string(queueCapacity) + "\n";
  family(o, "rtlarena_cache_entries", "gauge", "Finished rewards kept in the cache");
  o += "rtlarena_cache_entries " + std::to_string(cacheSize) + "\n";
  family(o, "rtlarena_cache_hits_total", "counter", "Items answered from the cache");
  o += "rtlarena_cache_hits_total " + std::to_string(cacheHits_) + "\n";
  family(o, "rtlarena_inflight_joins_total", "counter", "Items that joined an identical evaluation in flight");
  o += "rtlarena_inflight_joins_total " + std::to_string(joins_) + "\n";
  family(o, "rtlarena_evaluations_total", "counter", "Evaluations run");
  o += "rtlarena_evaluations_total " + std::to_string(evaluations_) + "\n";
  family(o, "rtlarena_evaluation_seconds_total", "counter", "Wall time of the evaluations run");
  o += "rtlarena_evaluation_seconds_total " + number(evaluationSeconds_) + "\n";
  family(o, "rtlarena_verdicts_total", "counter", "Evaluations by verdict");
  for (const auto& [v, n] : verdicts_) o += "rtlarena_verdicts_total{verdict=\"" + v + "\"} " + std::to_string(n) + "\n";
  family(o, "rtlarena_sandbox_failures_total", "counter", "Evaluations that failed on rtlarena's side (sandbox, tools)");
  o += "rtlarena_sandbox_failures_total " + std::to_string(sandboxFailures_) + "\n";
  family(o, "rtlarena_rejected_total", "counter", "Requests refused before evaluation, by reason");
  for (const auto& [r, n] : rejected_) o += "rtlarena_rejected_total{reason=\"" + r + "\"} " + std::to_string(n) + "\n";
  return o;
}

}  // namespace rtlarena
