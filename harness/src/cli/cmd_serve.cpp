// `rtlarena serve`: the reward server for RL training (docs/SERVE.md). Flags,
// one service, one HTTP server; SIGTERM or SIGINT drains what was admitted and
// exits 0.
#include <pthread.h>
#include <signal.h>

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
  sub->add_option("--config", f->config, "TOML file: [reward] weights and shaping, [server] limits");
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
    // Signals are taken by one thread with sigwait; every thread made from here
    // on has them blocked.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
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
    std::atomic<bool> signalled = false;
    std::thread waiter([&] {
      int sig = 0;
      sigwait(&stopSignals, &sig);
      if (signalled.exchange(true)) return;
      std::fprintf(stderr, "rtlarena serve: stopping; finishing %zu admitted evaluations\n", (*service)->queueDepth());
      (*service)->beginDrain();
      server.stop();
    });
    server.run();
    if (!signalled.exchange(true)) pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    (*service)->beginDrain();
    (*service)->waitIdle();
    std::fprintf(stderr, "rtlarena serve: stopped\n");
    exitCode = kExitOk;
  });
}

}  // namespace rtlarena::cli
