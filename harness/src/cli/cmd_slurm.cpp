// `rtlarena slurm run`: a benchmark run as a Slurm job array, one shard per array index, merged
// into OUT when every index is done. The flags after the slurm ones are `rtlarena run`'s.
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "commands.h"
#include "common.h"
#include "rtlarena/cluster/slurm.h"

namespace rtlarena::cli {

namespace {

std::string selfPath() {
  std::error_code ec;
  auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("rtlarena") : p.string();
}

// The run flags are parsed here by `run`'s own parser (without running it), so a mistyped or
// out-of-range flag is reported now, not by every array task after it waited in the queue.
bool runFlagsParse(const std::vector<std::string>& runArgs, int& exitCode) {
  CLI::App probe;
  int unused = 0;
  addRunCommand(probe, unused);
  probe.get_subcommand("run")->callback(std::function<void()>());
  std::vector<std::string> reversed(runArgs.rbegin(), runArgs.rend());
  reversed.push_back("run");
  try {
    probe.parse(reversed);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "rtlarena: slurm run: the run flags: %s\n", e.what());
    exitCode = kExitUsage;
    return false;
  }
  return true;
}

}  // namespace

void addSlurmCommand(CLI::App& app, int& exitCode) {
  CLI::App* slurm = app.add_subcommand("slurm", "Run on a Slurm cluster: sharded job arrays, merged when done");
  slurm->require_subcommand(1);
  auto o = std::make_shared<SlurmRunOptions>();
  auto json = std::make_shared<bool>(false);
  CLI::App* sub = slurm->add_subcommand(
      "run", "A benchmark run as a job array: rtlarena slurm run --array N --out DIR [run flags...]");
  sub->allow_extras();
  sub->add_option("--array", o->arrayTasks, "Array tasks = shards")->required()->check(CLI::Range(1, 10000));
  sub->add_option("--out", o->outDir, "Run folder: merged store, shards/I, slurm/ (script, logs, exit codes)")->required();
  sub->add_option("--partition", o->partition, "sbatch --partition");
  sub->add_option("--time", o->time, "sbatch --time per array task, e.g. 2:00:00");
  sub->add_option("--cpus-per-task", o->cpusPerTask, "sbatch --cpus-per-task; the run's -j unless given")
      ->check(CLI::Range(1, 4096))->capture_default_str();
  sub->add_option("--max-retries", o->maxRetries, "Resubmissions of an array task that did not finish")
      ->check(CLI::Range(0, 100))->capture_default_str();
  sub->add_option("--poll", o->pollSeconds, "Seconds between squeue calls")->check(CLI::Range(0.1, 3600.0))->capture_default_str();
  sub->add_flag("--json", *json, "Print one JSON object with the merged summary on stdout");
  sub->callback([o, json, sub, &exitCode] {
    o->runArgs = sub->remaining();
    if (!o->runArgs.empty() && o->runArgs.front() == "--") o->runArgs.erase(o->runArgs.begin());
    if (!runFlagsParse(o->runArgs, exitCode)) return;
    o->outDir = std::filesystem::absolute(o->outDir).lexically_normal().string();
    o->rtlarenaBinary = selfPath();
    auto summary = runOnSlurm(*o);
    if (!summary) {
      exitCode = reportError(summary.error());
      return;
    }
    std::printf("%s", *json ? (summaryJson(*summary) + "\n").c_str() : summaryText(*summary).c_str());
    if (summary->hasIncomplete()) {
      std::fprintf(stderr, "rtlarena: %s\n", incompleteNote(*summary).c_str());
      exitCode = kExitIncomplete;
      return;
    }
    exitCode = kExitOk;
  });
}

}  // namespace rtlarena::cli
