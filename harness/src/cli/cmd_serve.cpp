// `rtlarena serve`: the reward server for RL training (docs/SERVE.md). Flags,
// one service, one HTTP server; SIGTERM or SIGINT drains what was admitted and
// exits 0.
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <thread>

#include "commands.h"
#include "common.h"
#include "rtlarena/serve/http_server.h"
#include "rtlarena/serve/reward_service.h"
#include "rtlarena/serve/serve_config.h"
#include "rtlarena/tasks/dataset.h"
#include "rtlarena/tasks/suite.h"
#include "shared_flags.h"

namespace rtlarena::cli {

namespace {

// SIGTERM and SIGINT write one byte here; a thread reads it and stops the server. (A blocked
// signal mask would be inherited by every tool the evaluations start.)
int stopPipe[2] = {-1, -1};
extern "C" void onStopSignal(int) {
  const char byte = 1;
  (void)!write(stopPipe[1], &byte, 1);
}

}  // namespace

void addServeCommand(CLI::App& app, int& exitCode) {
  struct Flags {
    std::string suite, dataset, host = "127.0.0.1", config;
    int port = 8000;
    unsigned workers = 0;
    bool noSandbox = false;
    SimulatorKind simulator = SimulatorKind::Icarus;
  };
  auto f = std::make_shared<Flags>();
  CLI::App* sub = app.add_subcommand("serve", "Serve rewards for RL training over HTTP (docs/SERVE.md)");
  auto* suite = sub->add_option("--suite", f->suite, "Built-in suite name or suite directory");
  auto* dataset = sub->add_option("--dataset", f->dataset,
                                  "FORMAT:PATH of another benchmark (verilogeval2, "
                                  "verilogeval1, rtllm, jsonl, native)");
  suite->excludes(dataset);
  sub->add_option("--host", f->host, "Address to listen on (loopback unless told otherwise)")->capture_default_str();
  sub->add_option("--port", f->port, "Port (0: any free port, printed at start)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  sub->add_option("--workers", f->workers, "Evaluation workers (default: one per core)");
  sub->add_option("--config", f->config, "TOML file: [reward] weights and shaping, [function] judge per suite, [server] limits");
  sub->add_flag("--no-sandbox", f->noSandbox, "Run candidates without bubblewrap (unsafe)");
  addSimOption(*sub, f->simulator);
  sub->callback([f, &exitCode] {
    if (f->suite.empty() == f->dataset.empty()) {
      exitCode = reportError(makeError(ErrorCode::BadArgument, "serve needs --suite SUITE or --dataset FORMAT:PATH"));
      return;
    }
    if (f->simulator == SimulatorKind::Both) {
      exitCode = reportError(makeError(ErrorCode::BadArgument, "--sim both is a run option; serve scores with one simulator"));
      return;
    }
    ServeConfig config;
    if (!f->config.empty()) {
      auto loaded = loadServeConfig(f->config);
      if (!loaded) {
        exitCode = reportError(loaded.error());
        return;
      }
      config = *loaded;
    }
    auto tasks = f->dataset.empty() ? loadSuite(f->suite) : loadDataset(f->dataset);
    if (!tasks) {
      exitCode = reportError(tasks.error());
      return;
    }
    auto sandbox = sandboxFromFlags(f->noSandbox);
    if (!sandbox) {
      exitCode = reportError(sandbox.error());
      return;
    }
    if (pipe2(stopPipe, O_CLOEXEC) != 0) {
      exitCode = reportError(makeError(ErrorCode::Io, "cannot create the signal pipe"));
      return;
    }
    struct sigaction stop {};
    stop.sa_handler = onStopSignal;
    sigemptyset(&stop.sa_mask);
    sigaction(SIGTERM, &stop, nullptr);
    sigaction(SIGINT, &stop, nullptr);
    signal(SIGPIPE, SIG_IGN);
    ServiceOptions so;
    so.workers = f->workers ? f->workers : std::max(1u, std::thread::hardware_concurrency());
    so.limits = config.server;
    so.modes.eval.sandbox = *sandbox;
    so.modes.eval.simulator = f->simulator;
    so.modes.reward = config.reward;
    auto service = RewardService::create(std::move(*tasks), so);
    if (!service) {
      exitCode = reportError(service.error());
      return;
    }
    RewardHttpServer server(**service);
    auto port = server.bind(f->host, f->port);
    if (!port) {
      exitCode = reportError(port.error());
      return;
    }
    std::printf("rtlarena serve: listening on http://%s:%d (%zu tasks, %u workers)\n", f->host.c_str(), *port,
                (*service)->tasks().size(), so.workers);
    std::fflush(stdout);
    std::thread waiter([&] {
      char byte = 0;
      while (read(stopPipe[0], &byte, 1) < 0 && errno == EINTR) {}
      if (byte != 1) return;  // the server ended on its own
      std::fprintf(stderr, "rtlarena serve: stopping; finishing %zu admitted evaluations\n", (*service)->queueDepth());
      (*service)->beginDrain();
      server.stop();
    });
    server.run();
    const char done = 0;
    (void)!write(stopPipe[1], &done, 1);
    waiter.join();
    (*service)->beginDrain();
    (*service)->waitIdle();
    std::fprintf(stderr, "rtlarena serve: stopped\n");
    exitCode = kExitOk;
  });
}

}  // namespace rtlarena::cli
