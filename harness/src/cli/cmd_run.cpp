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
  std::string judge = "sim";  ///< sim | equiv | both
  double judgeTimeout = 30;
  std::string shard;             ///< I/N
};

std::string sanitize(std::string s) {
  for (auto& c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') c = '_';
  return s;
}

}  // namespace

void addRunCommand(CLI::App& app, int& exitCode) {
  auto flags = std::make_shared<RunFlags>();
  CLI::App* sub = app.add_subcommand("run", "Run a benchmark: ask a model for every task, evaluate, score");
  sub->add_option("--suite", flags->suite, "Built-in suite name or suite directory")->capture_default_str();
  sub->add_option("--task", flags->taskFilter, "Only these task ids (repeatable)");
  sub->add_option("--model", flags->model, "reference | bad | replay:FILE.jsonl | openai:MODEL | anthropic:MODEL")->capture_default_str();
  sub->add_option("-n,--samples", flags->n, "Samples per task")->capture_default_str()->check(CLI::Range(1, 1000));
  sub->add_option("-j,--jobs", flags->jobs, "Evaluation workers (default: cores)");
  sub->add_option("--out", flags->out, "Run directory (default: runs/<suite>__<model>__n<N>); an existing one resumes");
  sub->add_flag("--json", flags->json, "Print one JSON object with the summary on stdout");
  sub->add_flag("--no-sandbox", flags->noSandbox, "Run model code without bubblewrap (unsafe)");
  sub->add_flag("--no-progress", flags->noProgress, "No progress output");
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
  sub->add_flag("--ppa-no-cache", flags->ppaNoCache, "Do not use the PPA cache");
  addJudgeOptions(*sub, flags->judge, flags->judgeTimeout);
  sub->add_option("--shard", flags->shard,
                  "I/N: run only shard I of N (1-based) of the (task, sample) pairs, with 1/N of the endpoint "
                  "limits; join the shards with `rtlarena merge`");

  sub->callback([flags, llm, sub, &exitCode] {
    auto tasks = flags->dataset.empty() ? loadSuite(flags->suite) : loadDataset(flags->dataset);
    if (!tasks) {
      exitCode = reportError(tasks.error());
      return;
    }
    if (!flags->taskFilter.empty()) {
      std::vector<Task> picked;
      for (const auto& id : flags->taskFilter) {
        auto it = std::find_if(tasks->begin(), tasks->end(), [&](const Task& t) { return t.id == id; });
        if (it == tasks->end()) {
          exitCode = reportError(makeError(ErrorCode::NotFound, "suite '" + flags->suite + "' has no task '" + id + "'"));
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
    if (flags->judge != "sim") o.modes.insert(ModeId::Equiv);
    o.judge.timeout = std::chrono::milliseconds(static_cast<long long>(flags->judgeTimeout * 1000));
    if (flags->clockPeriod > 0) o.ppa.clockPeriodNs = flags->clockPeriod;
    o.ppa.simulationActivity = flags->ppaActivity == "sim";
    o.ppa.useCache = !flags->ppaNoCache;
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
    o.workers = flags->jobs;
    o.outDir = flags->out.empty()
                   ? "runs/" + sanitize(o.suite) + "__" + sanitize(o.provider.spec) + "__n" + std::to_string(flags->n) +
                         (o.shard ? "__shard" + std::to_string(o.shard->index) + "of" + std::to_string(o.shard->count) : "")
                   : flags->out;
    o.eval.sandbox = *sandbox;
    o.eval.simulator = flags->simulator;
    if (!flags->noControlCache) o.controlCacheDir = ControlCache::defaultDir();
    o.shots = flags->shots;
    o.promptTemplateDir = flags->promptTemplate;
    o.progress = !flags->noProgress;
    auto summary = runBenchmark(o);
    if (!summary) {
      exitCode = reportError(summary.error());
      return;
    }
    std::printf("%s", flags->json ? (summaryJson(*summary) + "\n").c_str() : summaryText(*summary).c_str());
    if (summary->hasIncomplete()) {
      std::fprintf(stderr, "rtlarena: %s\n", incompleteNote(*summary).c_str());
      exitCode = kExitIncomplete;
      return;
    }
    exitCode = kExitOk;
  });
}

}  // namespace rtlarena::cli
