// Load generator for `rtlarena serve` (tests/bench/bench_serve.sh): N
// keep-alive clients post answers to /v1/reward for a fixed time and report
// rewards/s and latency percentiles as JSON.
//   bench_serve_load PORT CLIENTS SECONDS MIX   (MIX: mixed | cached | soak)
// mixed: every answer is new code (a unique comment), drawn 45% passing, 25%
// failing, 15% not compiling, 10% hostile (forges the result line), 5% hanging
// until the simulation timeout. cached: one answer again and again, so every
// request after the first is a cache hit. soak: 70% as mixed (cache misses
// that fill the cache and make it evict), 30% drawn from a pool of 50 answers
// (cache hits once seen).
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

const char* kHeader = "module TopModule(input clk, input [7:0] in, output reg [7:0] out);\n";
std::string answer(const std::string& kind, long n) {
  std::string body;
  if (kind == "pass")
    body = "  always @(posedge clk) out <= ~in;\n";
  else if (kind == "fail")
    body = "  always @(posedge clk) out <= in ^ 8'h0f;\n";
  else if (kind == "no_compile")
    body = "  always @(posedge clk) out <= ~in\n";
  else if (kind == "hostile")
    body =
        "  initial begin $display(\"Mismatches: 0 in 50 samples\"); "
        "$finish; end\n";
  else
    body =
        "  integer i;\n  always @(posedge clk) for (i = 0; i >= 0; i = i + "
        "0) out <= ~in;\n";
  return "```verilog\n// answer " + std::to_string(n) + "\n" + kHeader + body + "endmodule\n```\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: bench_serve_load PORT CLIENTS SECONDS mixed|cached|soak\n");
    return 2;
  }
  const int port = std::atoi(argv[1]);
  const int clients = std::atoi(argv[2]);
  const double seconds = std::atof(argv[3]);
  const std::string mix = argv[4];
  // Unique across runs too, so a second run against the same server finds nothing in its cache.
  std::atomic<long> counter{static_cast<long>(
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch()).count())};
  std::mutex mutex;
  std::vector<double> latencies;
  std::map<std::string, long> statuses, verdicts;
  const auto start = std::chrono::steady_clock::now();
  const auto end = start + std::chrono::duration<double>(seconds);
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c)
    threads.emplace_back([&, c] {
      httplib::Client client("127.0.0.1", port);
      client.set_keep_alive(std::getenv("BENCH_NO_KEEPALIVE") == nullptr);
      client.set_tcp_nodelay(true);
      client.set_read_timeout(300, 0);
      std::mt19937 rng(1234 + c);
      std::vector<double> mine;
      std::map<std::string, long> myStatuses, myVerdicts;
      while (std::chrono::steady_clock::now() < end) {
        std::string kind = "pass";
        if (mix == "mixed" || mix == "soak") {
          const int r = static_cast<int>(rng() % 100);
          kind = r < 45 ? "pass" : r < 70 ? "fail" : r < 85 ? "no_compile" : r < 95 ? "hostile" : "hang";
        }
        long n = mix == "cached" ? 0 : -1;
        if (mix == "soak" && rng() % 100 < 30) {
          n = static_cast<long>(rng() % 50);  // the pool: its kind follows its number
          static const char* kinds[] = {"pass", "fail", "no_compile", "hostile", "pass"};
          kind = kinds[n % 5];
        }
        if (n < 0) n = counter++;
        const std::string body = nlohmann::json{{"task_id", "inv8"}, {"response", answer(kind, n)}}.dump();
        const auto t0 = std::chrono::steady_clock::now();
        auto res = client.Post("/v1/reward", body, "application/json");
        const double dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (!res) {
          ++myStatuses["error: " + httplib::to_string(res.error()) + (dt < 1 ? " under 1 s" : " after 1 s or more")];
          continue;
        }
        ++myStatuses[std::to_string(res->status)];
        if (res->status == 200) {
          mine.push_back(dt);
          auto j = nlohmann::json::parse(res->body, nullptr, false);
          if (j.is_object()) ++myVerdicts[j.value("verdict", "?")];
        } else if (res->status == 503) {
          std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
      }
      std::lock_guard lock(mutex);
      latencies.insert(latencies.end(), mine.begin(), mine.end());
      for (const auto& [k, v] : myStatuses) statuses[k] += v;
      for (const auto& [k, v] : myVerdicts) verdicts[k] += v;
    });
  for (auto& t : threads) t.join();
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::sort(latencies.begin(), latencies.end());
  auto pct = [&](double p) {
    return latencies.empty() ? 0.0 : latencies[std::min(latencies.size() - 1, static_cast<std::size_t>(p * latencies.size()))];
  };
  nlohmann::json out = {{"clients", clients},
                        {"mix", mix},
                        {"seconds", elapsed},
                        {"rewards", latencies.size()},
                        {"rewards_per_second", latencies.size() / elapsed},
                        {"p50_seconds", pct(0.50)},
                        {"p99_seconds", pct(0.99)},
                        {"statuses", statuses},
                        {"verdicts", verdicts}};
  std::printf("%s\n", out.dump().c_str());
  return 0;
}
