// bench_llm_client: drives the real HTTP provider against a server, for `make bench`.
//   throughput: N one-sample requests with a tiny prompt at concurrency C → requests/s and
//               client CPU per request (the client's own overhead);
//   --suite DIR: every task's real prompt, -n samples each → generation-only wall time, and
//               optionally the answers as a replay JSONL (for an evaluation-only run).
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "rtlarena/llm/prompt.h"
#include "rtlarena/llm/provider.h"
#include "rtlarena/tasks/suite.h"

using namespace rtlarena;

namespace {

double cpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

int usage() {
  std::fprintf(stderr, "usage: bench_llm_client --base-url URL [--requests N] [--concurrency C]\n"
                       "       [--suite DIR [-n N] [--n-mode auto|repeat] [--replay-out FILE]]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string baseUrl, suite, replayOut, nMode = "auto";
  int requests = 2000, concurrency = 64, n = 1;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i], v = argv[i + 1];
    if (a == "--base-url") baseUrl = v;
    else if (a == "--requests") requests = std::atoi(v.c_str());
    else if (a == "--concurrency") concurrency = std::atoi(v.c_str());
    else if (a == "--suite") suite = v;
    else if (a == "-n") n = std::atoi(v.c_str());
    else if (a == "--n-mode") nMode = v;
    else if (a == "--replay-out") replayOut = v;
    else return usage();
  }
  if (baseUrl.empty()) return usage();
  ProviderOptions o;
  o.spec = "openai:bench";
  o.baseUrl = baseUrl;
  o.concurrency = concurrency;
  o.useCache = false;
  o.quiet = true;
  o.nMode = suite.empty() ? "repeat" : nMode;
  o.params.maxTokens = 1024;
  auto provider = makeProvider(o);
  if (!provider) {
    std::fprintf(stderr, "bench_llm_client: %s\n", provider.error().message.c_str());
    return 1;
  }
  std::mutex mutex;
  int errors = 0, answers = 0;
  std::ofstream replay;
  if (!replayOut.empty()) replay.open(replayOut);
  auto onAnswer = [&](const GenerationRequest& r, Answer a) {
    std::lock_guard lock(mutex);
    ++answers;
    if (a.error) ++errors;
    if (replay.is_open() && !a.error)
      replay << nlohmann::json{{"task_id", r.task->id}, {"sample", a.sample}, {"response", a.text}}.dump() << "\n";
  };

  std::vector<Task> tasks;
  if (!suite.empty()) {
    auto loaded = loadSuiteDir(suite);
    if (!loaded) {
      std::fprintf(stderr, "bench_llm_client: %s\n", loaded.error().message.c_str());
      return 1;
    }
    tasks = std::move(*loaded);
  }
  Task tiny;
  tiny.id = "tiny";
  const double cpu0 = cpuSeconds();
  const auto t0 = std::chrono::steady_clock::now();
  if (suite.empty()) {
    GenerationRequest req;
    req.task = &tiny;
    req.messages = {{"user", "Write an inverter."}};
    req.params = o.params;
    req.firstSample = 0;
    req.count = requests;
    (*provider)->submit(req, onAnswer);
  } else {
    for (const auto& t : tasks) {
      GenerationRequest req;
      req.task = &t;
      auto messages = renderPrompt(t, {});
      if (!messages) return 1;
      req.messages = *messages;
      req.params = o.params;
      req.count = n;
      (*provider)->submit(req, onAnswer);
    }
    requests = static_cast<int>(tasks.size()) * n;
  }
  (*provider)->drain();
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double cpu = cpuSeconds() - cpu0;
  nlohmann::json out = {{"answers", answers},
                        {"errors", errors},
                        {"concurrency", concurrency},
                        {"wall_seconds", wall},
                        {"answers_per_second", answers / wall},
                        {"client_cpu_us_per_answer", cpu / std::max(1, answers) * 1e6}};
  std::printf("%s\n", out.dump().c_str());
  return errors == 0 && answers == requests ? 0 : 1;
}
