// fake_llm_server: the test server as a program, for `make bench` and end-to-end tests.
// Prints "PORT <n>" on stdout once listening; exits after --max-seconds or on SIGTERM/SIGINT.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

#include "fake_llm_server.h"

namespace {
volatile std::sig_atomic_t stopRequested = 0;
void onSignal(int) { stopRequested = 1; }

int usage() {
  std::fprintf(stderr,
               "usage: fake_llm_server [--port N] [--host 127.0.0.1|::1|localhost] [--delay-ms MS]\n"
               "       [--answers-from SUITE_DIR] [--unique] [--fail-first N] [--fail-status S]\n"
               "       [--retry-after SEC] [--max-seconds SEC]\n");
  return 2;
}
}  // namespace

int main(int argc, char** argv) {
  using namespace rtlarena::testing;
  FakeServerOptions o;
  int failFirst = 0, failStatus = 429, retryAfter = -1;
  double maxSeconds = 3600;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    const char* v = nullptr;
    if (a == "--unique") { o.uniqueAnswers = true; continue; }
    if (!(v = next())) return usage();
    if (a == "--port") o.port = std::atoi(v);
    else if (a == "--host") o.host = v;
    else if (a == "--delay-ms") o.delayMs = std::atoi(v);
    else if (a == "--answers-from") o.answersFrom = v;
    else if (a == "--fail-first") failFirst = std::atoi(v);
    else if (a == "--fail-status") failStatus = std::atoi(v);
    else if (a == "--retry-after") retryAfter = std::atoi(v);
    else if (a == "--max-seconds") maxSeconds = std::atof(v);
    else return usage();
  }
  FakeLlmServer server(o);
  if (failFirst > 0) {
    FakeReply r = FakeReply::error(failStatus);
    if (retryAfter >= 0) r.retryAfter = retryAfter;
    server.script(std::vector<FakeReply>(static_cast<std::size_t>(failFirst), r));
  }
  if (!server.start()) {
    std::fprintf(stderr, "fake_llm_server: cannot listen on %s:%d (loopback only)\n", o.host.c_str(), o.port);
    return 1;
  }
  std::signal(SIGTERM, onSignal);
  std::signal(SIGINT, onSignal);
  std::printf("PORT %d\n", server.port());
  std::fflush(stdout);
  for (double waited = 0; !stopRequested && waited < maxSeconds; waited += 0.05)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  server.stop();
  std::fprintf(stderr, "fake_llm_server: %d requests, at most %d in flight\n", server.requests(), server.maxInFlight());
  return 0;
}
