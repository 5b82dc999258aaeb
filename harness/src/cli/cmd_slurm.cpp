// `rtlarena slurm run|fuzz|mutate`: a sharded command as a Slurm job array, one shard per array
// index, merged into OUT when every index is done. The flags after the slurm ones are the
// command's own: `run`'s, `fuzz`'s (a sweep: --algo A,B --seeds LIST) or `mutate`'s.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "common.h"
#include "rtlarena/cluster/slurm.h"
#include "rtlarena/core/files.h"
#include "rtlarena/fuzz/sweep.h"
#include "rtlarena/mutate/mutation_shards.h"

namespace rtlarena::cli {

namespace fs = std::filesystem;

bool& onlyCheckingFlags() {
  static thread_local bool checking = false;
  return checking;
}

namespace {

std::string selfPath() {
  std::error_code ec;
  auto p = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("rtlarena") : p.string();
}

// The command's flags are parsed here by its own parser (without running it), so a mistyped
// or out-of-range flag is reported now, not by every array task after it waited in the queue.
bool flagsParse(const std::string& command, void (*addCommand)(CLI::App&, int&), const std::vector<std::string>& args,
                int& exitCode) {
  CLI::App probe;
  int unused = 0;
  addCommand(probe, unused);
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  reversed.push_back(command);
  struct CheckOnly {
    CheckOnly() { onlyCheckingFlags() = true; }
    ~CheckOnly() { onlyCheckingFlags() = false; }
  } checkOnly;
  try {
    probe.parse(reversed);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "rtlarena: slurm %s: the %s flags: %s\n", command.c_str(), command.c_str(), e.what());
    exitCode = kExitUsage;
    return false;
  }
  return true;
}

// The slurm flags every `slurm` subcommand takes; the rest of the line is the command's.
CLI::App* addArraySubcommand(CLI::App& slurm, const std::string& name, const std::string& help, SlurmSettings& o,
                             const std::string& outHelp) {
  CLI::App* sub = slurm.add_subcommand(name, help);
  sub->allow_extras();
  sub->add_option("--array", o.arrayTasks, "Array tasks = shards")->required()->check(CLI::Range(1, 10000));
  sub->add_option("--out", o.outDir, outHelp)->required();
  sub->add_option("--partition", o.partition, "sbatch --partition");
  sub->add_option("--time", o.time, "sbatch --time per array task, e.g. 2:00:00");
  sub->add_option("--cpus-per-task", o.cpusPerTask, "sbatch --cpus-per-task; the command's -j unless given")
      ->check(CLI::Range(1, 4096))->capture_default_str();
  sub->add_option("--max-retries", o.maxRetries, "Resubmissions of an array task that did not finish")
      ->check(CLI::Range(0, 100))->capture_default_str();
  sub->add_option("--poll", o.pollSeconds, "Seconds between squeue calls")->check(CLI::Range(0.1, 3600.0))->capture_default_str();
  return sub;
}

std::vector<std::string> commandArgs(CLI::App* sub) {
  auto args = sub->remaining();
  if (!args.empty() && args.front() == "--") args.erase(args.begin());
  return args;
}

void settle(SlurmSettings& o) {
  o.outDir = fs::absolute(o.outDir).lexically_normal().string();
  o.rtlarenaBinary = selfPath();
}

std::string shardList(const SlurmSettings& o, const std::string& suffix) {
  std::string list;
  for (int i = 1; i <= o.arrayTasks && i <= 3; ++i) list += " " + o.outDir + "/shards/" + std::to_string(i) + suffix;
  return list + (o.arrayTasks > 3 ? " ..." : "");
}

int slurmFuzz(SlurmSettings o, const std::vector<std::string>& args, bool json) {
  // `fuzz --time 10m` and sbatch's `--time 2:00:00` share a name; here it is sbatch's, and
  // Slurm's time formats have no letters, so a value with one was meant as the budget.
  if (o.time.find_first_of("smhSMH") != std::string::npos)
    return reportError(makeError(ErrorCode::BadArgument,
                                 "slurm fuzz: --time " + o.time + " is sbatch's time limit per array task here (e.g. 2:00:00); "
                                 "a fuzz sweep on Slurm takes a --tests budget, which also makes its shards reproducible"));
  if (auto s = checkShardableArgs("fuzz", args,
                                  {{"--out", "the shards' folders are OUT/shards/I (give --out to slurm fuzz)"},
                                   {"--shard", "each array index is one shard"},
                                   {"--json", "give --json to slurm fuzz"}});
      !s)
    return reportError(s.error());
  settle(o);
  SlurmArrayJob job;
  job.slurm = o;
  job.command = "fuzz";
  job.args = args;
  const std::string n = std::to_string(o.arrayTasks);
  job.indexArgs = {"--shard", "{i}/" + n, "--out", o.outDir + "/shards/{i}", "--no-progress"};
  job.what = "shard I/" + n + " of one fuzz sweep into\n# " + o.outDir + "/shards/I";
  job.mergeHint = o.rtlarenaBinary + " merge --fuzz" + shardList(o, "") + " --out NEWDIR";
  job.finishedCodes = {kExitOk, kExitFailed};  // 1: the campaigns found mismatches
  if (auto s = runArrayOnSlurm(job); !s) return reportError(s.error());
  std::vector<fs::path> shards;
  for (int i = 1; i <= o.arrayTasks; ++i) shards.push_back(fs::path(o.outDir) / "shards" / std::to_string(i));
  const fs::path merged = fs::path(o.outDir) / "merged";
  std::error_code ec;
  fs::remove_all(merged, ec);  // derived from the shards: made again on every completed invocation
  auto summary = fuzz::mergeSweeps(shards, merged);
  if (!summary) return reportError(summary.error());
  if (json) printJson(*summary);
  else std::printf("%smerged sweep in %s\n", fuzz::sweepSummaryText(*summary).c_str(), merged.string().c_str());
  return nlohmann::json::parse(*summary)["bugs"].empty() ? kExitOk : kExitFailed;
}

int slurmMutate(SlurmSettings o, const std::vector<std::string>& args) {
  if (auto s = checkShardableArgs("mutate", args,
                                  {{"--shard", "each array index is one shard"},
                                   {"--json", "the shards' reports are JSON already; slurm mutate prints the merged one"}});
      !s)
    return reportError(s.error());
  settle(o);
  SlurmArrayJob job;
  job.slurm = o;
  job.command = "mutate";
  job.args = args;
  const std::string n = std::to_string(o.arrayTasks);
  bool jobsGiven = false;
  for (const auto& a : args) jobsGiven = jobsGiven || a == "-j" || a.rfind("--jobs", 0) == 0 || (a.rfind("-j", 0) == 0 && a.size() > 2);
  if (!jobsGiven) job.indexArgs = {"-j", std::to_string(o.cpusPerTask)};
  for (const std::string& a : {std::string("--json"), std::string("--shard"), "{i}/" + n}) job.indexArgs.push_back(a);
  job.stdoutFile = o.outDir + "/shards/{i}.json";
  job.what = "shard I/" + n + " of one mutation analysis into\n# " + o.outDir + "/shards/I.json";
  job.mergeHint = o.rtlarenaBinary + " merge --mutation" + shardList(o, ".json") + " --out NEWFILE";
  if (auto s = runArrayOnSlurm(job); !s) return reportError(s.error());
  std::vector<std::string> names, texts;
  for (int i = 1; i <= o.arrayTasks; ++i) {
    names.push_back(o.outDir + "/shards/" + std::to_string(i) + ".json");
    auto text = readFile(names.back());
    if (!text) return reportError(text.error());
    texts.push_back(std::move(*text));
  }
  auto merged = mutate::mergeShardReports(names, texts);
  if (!merged) return reportError(merged.error());
  if (auto s = writeFile(fs::path(o.outDir) / "mutation.json", *merged + "\n"); !s) return reportError(s.error());
  printJson(*merged);
  return kExitOk;
}

}  // namespace

void addSlurmCommand(CLI::App& app, int& exitCode) {
  CLI::App* slurm = app.add_subcommand("slurm", "Run on a Slurm cluster: sharded job arrays, merged when done");
  slurm->require_subcommand(1);

  auto o = std::make_shared<SlurmRunOptions>();
  auto json = std::make_shared<bool>(false);
  CLI::App* run = addArraySubcommand(*slurm, "run", "A benchmark run as a job array: rtlarena slurm run --array N --out DIR [run flags...]",
                                     *o, "Run folder: merged store, shards/I, slurm/ (script, logs, exit codes)");
  run->add_flag("--json", *json, "Print one JSON object with the merged summary on stdout");
  run->callback([o, json, run, &exitCode] {
    o->runArgs = commandArgs(run);
    if (!flagsParse("run", addRunCommand, o->runArgs, exitCode)) return;
    settle(*o);
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

  auto fo = std::make_shared<SlurmSettings>();
  auto fuzzJson = std::make_shared<bool>(false);
  CLI::App* fuzzCmd = addArraySubcommand(
      *slurm, "fuzz", "A fuzz sweep as a job array: rtlarena slurm fuzz --array N --out DIR --core C --algo A,B --seeds 1-30 --tests T",
      *fo, "Folder: merged/ (the merged sweep), shards/I, slurm/ (script, logs, exit codes)");
  fuzzCmd->add_flag("--json", *fuzzJson, "Print the merged sweep summary as one JSON object");
  fuzzCmd->callback([fo, fuzzJson, fuzzCmd, &exitCode] {
    const auto args = commandArgs(fuzzCmd);
    if (!flagsParse("fuzz", addFuzzCommand, args, exitCode)) return;
    exitCode = slurmFuzz(*fo, args, *fuzzJson);
  });

  auto mo = std::make_shared<SlurmSettings>();
  CLI::App* mutateCmd = addArraySubcommand(
      *slurm, "mutate", "Mutation analysis as a job array: rtlarena slurm mutate --array N --out DIR --suite S [mutate flags...]",
      *mo, "Folder: mutation.json (the merged report, also printed), shards/I.json, slurm/");
  mutateCmd->callback([mo, mutateCmd, &exitCode] {
    const auto args = commandArgs(mutateCmd);
    if (!flagsParse("mutate", addMutateCommand, args, exitCode)) return;
    exitCode = slurmMutate(*mo, args);
  });
}

}  // namespace rtlarena::cli
