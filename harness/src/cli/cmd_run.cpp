// `rtlarena run`: a benchmark run over a suite with one model; resumable through --out. Flags
// become RunOptions, runBenchmark does the run, the summary renders itself.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "common.h"
#include "llm_flags.h"
#include "shared_flags.h"
#include "rtlarena/core/hash.h"
#include "rtlarena/core/text.h"
#include "rtlarena/core/text_hints.h"
#include "rtlarena/formal/design_mutants.h"
#include "rtlarena/run/control_cache.h"
#include "rtlarena/run/run_driver.h"
#include "rtlarena/tasks/dataset.h"
#include "rtlarena/tasks/suite.h"

namespace rtlarena::cli {
namespace {

struct RunFlags {
  std::string suite = "core";
  std::vector<std::string> taskFilter;
  std::string model = "reference";
  int n = 1;
  unsigned jobs = 0;
  std::string out;
  bool json = false;
  bool noSandbox = false;
  bool noProgress = false;
  SimulatorKind simulator = SimulatorKind::Icarus;
  int shots = 0;
  std::string promptTemplate;
  double temperature = 0.0;
  double topP = 1.0;
  int maxTokens = 16384;
  std::string dataset;   ///< FORMAT:PATH instead of --suite
  std::string compat;    ///< "" | verilogeval
  std::string errata;    ///< errata file from `rtlarena audit`
  bool controls = false;
  bool noControls = false;
  bool noControlCache = false;
  bool ppa = false;
  double clockPeriod = 0;        ///< 0 = each task's own (task.json "ppa"), else 10 ns
  std::string ppaActivity = "sim";
  bool ppaNoCache = false;
  std::string judge = "sim";  ///< sim | equiv | both | differential
  DifferentialSettings differential;
  double judgeTimeout = 30;
  int assertMutants = 0;         ///< --assert-mutants N: mutation score of assertion answers
  unsigned assertMutantsSeed = 1;
  std::string shard;             ///< I/N
  bool perTask = false;
  std::vector<int> ks;           ///< --k: the k of pass@k
};

std::string sanitize(std::string s) {
  for (auto& c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.' && c != '+') c = '_';
  return s;
}

// runs/<suite>__<model>__n<N>[__<tasks>]: a selection of tasks gets its own folder, so that
// `--task a` and then `--task b` do not meet as one run with two configurations. Short
// selections are spelt out; long ones are a hash of the sorted ids.
std::string defaultRunDir(const std::string& suite, const std::string& model, int n, std::vector<std::string> tasks) {
  std::string dir = "runs/" + sanitize(suite) + "__" + sanitize(model) + "__n" + std::to_string(n);
  if (tasks.empty()) return dir;
  std::sort(tasks.begin(), tasks.end());
  std::string joined;
  for (const auto& t : tasks) joined += (joined.empty() ? "" : "+") + t;
  return dir + "__" + (joined.size() <= 48 ? sanitize(joined) : "tasks-" + sha256Hex(joined).substr(0, 12));
}

}  // namespace

void addRunCommand(CLI::App& app, int& exitCode) {
  auto flags = std::make_shared<RunFlags>();
  CLI::App* sub = app.add_subcommand("run", "Run a benchmark: ask a model for every task, evaluate, score");
  sub->add_option("--suite", flags->suite, "Built-in suite name or suite directory")->capture_default_str();
  sub->add_option("--task", flags->taskFilter, "Only these task ids (repeatable)");
  sub->add_option("--model", flags->model, "reference | bad | replay:FILE.jsonl | openai:MODEL | anthropic:MODEL")->capture_default_str();
  sub->add_option("-n,--samples", flags->n, "Samples per task")->capture_default_str()->check(CLI::Range(1, 1000));
  addJobsOption(*sub, flags->jobs);
  sub->add_option("--k", flags->ks, "The k of pass@k, comma-separated, each at most -n (default: 1,5,10 up to -n)")
      ->delimiter(',')->check(CLI::Range(1, 1000))->default_str("1,5,10");
  sub->add_flag("--per-task", flags->perTask, "List every task at the end of the summary, not only the failed ones");
  sub->add_option("--out", flags->out, "Run directory (default: runs/<suite>__<model>__n<N>, plus __<tasks> with --task); an existing one resumes");
  sub->add_flag("--json", flags->json, "Print one JSON object with the summary on stdout");
  sub->add_flag("--no-sandbox", flags->noSandbox, "Run model code without bubblewrap (unsafe)");
  addNoProgressFlag(*sub, flags->noProgress);
  addSimOption(*sub, flags->simulator);
  sub->add_option("--dataset", flags->dataset, "FORMAT:PATH of another benchmark (verilogeval2, verilogeval1, rtllm, jsonl, assertionbench, fveval-nl2sva, fveval-design2sva, native)");
  sub->add_option("--compat", flags->compat, "Also score as another harness does: verilogeval")->check(CLI::IsMember({"verilogeval"}));
  sub->add_option("--errata", flags->errata, "Errata file (rtlarena audit): its problems are reported apart from the score");
  sub->add_flag("--controls", flags->controls, "Also run the golden ceiling and negative control (default with --dataset)");
  sub->add_flag("--no-controls", flags->noControls, "Skip the golden ceiling and negative control");
  sub->add_flag("--no-control-cache", flags->noControlCache,
                "Judge the controls again instead of reading verdicts kept by earlier runs");
  sub->add_option("--shots", flags->shots, "In-context examples in the prompt")->check(CLI::Range(0, 8));
  sub->add_option("--prompt-template", flags->promptTemplate, "Directory with prompt templates");
  sub->add_option("--temperature", flags->temperature, "Sampling temperature")->check(CLI::Range(0.0, 2.0));
  sub->add_option("--top-p", flags->topP, "Nucleus sampling")->check(CLI::Range(0.0, 1.0));
  sub->add_option("--max-tokens", flags->maxTokens, "Answer token limit")->check(CLI::Range(1, 1000000));
  auto llm = std::make_shared<LlmFlags>();
  addLlmFlags(*sub, *llm);
  sub->add_flag("--ppa", flags->ppa, "Also synthesize every passing sample and its reference: area, delay, power ratios");
  sub->add_option("--clock-period", flags->clockPeriod, "PPA clock period in ns for every task (default: per task, else 10)")
      ->check(CLI::PositiveNumber);
  sub->add_option("--ppa-activity", flags->ppaActivity, "Input activity for power: sim (the task's testbench) | default")
      ->check(CLI::IsMember({"sim", "default"}))->capture_default_str();
  addJudgeOptions(*sub, flags->judge, flags->judgeTimeout, /*differential=*/true);
  addDifferentialOptions(*sub, flags->differential);
  CLI::Option* assertMutants =
      sub->add_option("--assert-mutants", flags->assertMutants,
                      "Assertion tasks: also score each answer by how many of N mutants of the design "
                      "(not equivalent to it) its proven assertions catch")
          ->check(CLI::Range(1, 1000));
  sub->add_option("--assert-mutants-seed", flags->assertMutantsSeed, "Seed of those mutants")
      ->capture_default_str()->needs(assertMutants);
  sub->add_option("--shard", flags->shard,
                  "I/N: run only shard I of N (1-based) of the (task, sample) pairs, with 1/N of the endpoint "
                  "limits; join the shards with `rtlarena merge`");
  sub->add_flag("--ppa-no-cache", flags->ppaNoCache, "Neither read nor write the PPA cache (--no-cache: no cache at all)");

  sub->callback([flags, llm, sub, &exitCode] {
    if (onlyCheckingFlags()) return;
    for (int k : flags->ks)
      if (k > flags->n) {
        exitCode = reportError(makeError(ErrorCode::BadArgument, "--k " + std::to_string(k) + " is more than the " +
                                                                     std::to_string(flags->n) + " sample(s) per task (-n)"));
        return;
      }
    auto tasks = flags->dataset.empty() ? loadSuite(flags->suite) : loadDataset(flags->dataset);
    if (!tasks) {
      exitCode = reportError(tasks.error());
      return;
    }
    // A task named twice is taken once (the order of first mention is kept).
    std::vector<std::string> picks;
    for (const auto& id : flags->taskFilter)
      if (std::find(picks.begin(), picks.end(), id) == picks.end()) picks.push_back(id);
    if (!picks.empty()) {
      std::vector<Task> picked;
      std::vector<std::string> ids;
      for (const auto& t : *tasks) ids.push_back(t.id);
      for (const auto& id : picks) {
        auto it = std::find_if(tasks->begin(), tasks->end(), [&](const Task& t) { return t.id == id; });
        if (it == tasks->end()) {
          const std::string hint = closestWord(id, ids);
          exitCode = reportError(makeError(ErrorCode::NotFound, "'" + (flags->dataset.empty() ? flags->suite : flags->dataset) +
                                                                    "' has no task '" + id + "'" +
                                                                    (hint.empty() ? "" : " (did you mean '" + hint + "'?)")));
          return;
        }
        picked.push_back(*it);
      }
      *tasks = std::move(picked);
    }
    auto sandbox = sandboxFromFlags(flags->noSandbox);
    if (!sandbox) {
      exitCode = reportError(sandbox.error());
      return;
    }
    RunOptions o;
    o.suite = flags->dataset.empty() ? flags->suite : flags->dataset;
    if (!flags->noControls && (flags->controls || !flags->dataset.empty())) o.modes.insert(ModeId::Controls);
    if (flags->compat == "verilogeval") o.modes.insert(ModeId::VerilogEval);
    if (flags->ppa) o.modes.insert(ModeId::Ppa);
    if (flags->judge == "differential") o.modes.insert(ModeId::Differential);
    else if (flags->judge != "sim") o.modes.insert(ModeId::Equiv);
    o.differential = flags->differential;
    if (flags->assertMutants > 0) {
      for (const auto& t : *tasks)
        if (t.kind != TaskKind::Assertion) {
          exitCode = reportError(makeError(ErrorCode::BadArgument, "--assert-mutants scores assertion tasks; '" + t.id + "' is a " +
                                                                       std::string(taskKindName(t.kind)) + " task"));
          return;
        }
      o.modes.insert(ModeId::AssertMutants);
      o.assertMutants.mutants = flags->assertMutants;
      o.assertMutants.seed = flags->assertMutantsSeed;
      if (!llm->noCache) o.assertMutants.cacheDir = formal::MutantCache::defaultDir();
    }
    o.judge.timeout = std::chrono::milliseconds(static_cast<long long>(flags->judgeTimeout * 1000));
    if (flags->clockPeriod > 0) o.ppa.clockPeriodNs = flags->clockPeriod;
    o.ppa.simulationActivity = flags->ppaActivity == "sim";
    o.ppa.useCache = !flags->ppaNoCache && !llm->noCache;
    if (!flags->errata.empty()) {
      auto errata = readErrata(flags->errata);
      if (!errata) {
        exitCode = reportError(errata.error());
        return;
      }
      o.errata = *errata;
    }
    o.tasks = *tasks;
    o.provider.spec = flags->model;
    o.provider.params.temperature = flags->temperature;
    o.provider.params.topP = flags->topP;
    o.provider.params.maxTokens = flags->maxTokens;
    if (auto s = applyLlmFlags(*llm, *sub, o); !s) {
      exitCode = reportError(s.error());
      return;
    }
    if (!flags->shard.empty()) {
      auto shard = parseShard(flags->shard);
      if (!shard) {
        exitCode = reportError(shard.error());
        return;
      }
      o.shard = *shard;
      shareLimits(o.provider, shard->count);
    }
    o.samplesPerTask = flags->n;
    o.passAtK = flags->ks;
    std::sort(o.passAtK.begin(), o.passAtK.end());
    o.passAtK.erase(std::unique(o.passAtK.begin(), o.passAtK.end()), o.passAtK.end());
    o.workers = flags->jobs;
    o.outDir = flags->out.empty()
                   ? defaultRunDir(o.suite, o.provider.spec, flags->n, picks) +
                         (o.shard ? "__shard" + std::to_string(o.shard->index) + "of" + std::to_string(o.shard->count) : "")
                   : flags->out;
    o.eval.sandbox = *sandbox;
    o.eval.simulator = flags->simulator;
    if (!flags->noControlCache && !llm->noCache) o.controlCacheDir = ControlCache::defaultDir();
    o.shots = flags->shots;
    o.promptTemplateDir = flags->promptTemplate;
    o.progress = !flags->noProgress;
    auto summary = runBenchmark(o);
    if (!summary) {
      exitCode = reportError(summary.error());
      return;
    }
    if (flags->json) printJson(summaryJson(*summary));
    else std::printf("%s", summaryText(*summary, flags->perTask).c_str());
    if (summary->hasIncomplete()) {
      std::fprintf(stderr, "rtlarena: %s\n", incompleteNote(*summary).c_str());
      exitCode = kExitIncomplete;
      return;
    }
    exitCode = kExitOk;
  });
}

}  // namespace rtlarena::cli
