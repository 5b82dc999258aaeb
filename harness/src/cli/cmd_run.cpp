// `rtlarena run`: a benchmark run over a suite with one model; resumable through --out.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "common.h"
#include "rtlarena/run/run_driver.h"
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
  std::string simulator = "icarus";
  int shots = 0;
  std::string promptTemplate;
  double temperature = 0.0;
  double topP = 1.0;
  int maxTokens = 16384;
};

std::string sanitize(std::string s) {
  for (auto& c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') c = '_';
  return s;
}

void printSummary(const RunSummary& s, const std::vector<Task>& tasks) {
  std::printf("\nrun %s  suite %s  model %s\n", s.runId.c_str(), s.suite.c_str(), s.model.c_str());
  std::printf("tasks %d  samples %d  wall %.1fs  (%d evaluated now, %d identical candidates reused)\n",
              s.tasks, s.samples, s.wallSeconds, s.evaluated, s.reused);
  std::printf("\n  %-10s %8s\n", "metric", "value");
  for (const auto& [k, v] : s.passAt) std::printf("  pass@%-5d %7.1f%%\n", k, v * 100.0);
  // pass@1 by difficulty, from the task list.
  std::map<std::string, std::pair<int, int>> byDiff;
  std::map<std::string, std::string> diffOf;
  for (const auto& t : tasks) diffOf[t.id] = t.difficulty;
  (void)byDiff;
  std::printf("\n  %-18s %6s\n", "verdict", "count");
  std::vector<std::pair<std::string, int>> verdicts(s.verdicts.begin(), s.verdicts.end());
  std::sort(verdicts.begin(), verdicts.end(), [](auto& a, auto& b) { return a.second > b.second; });
  for (const auto& [name, count] : verdicts) std::printf("  %-18s %6d\n", name.c_str(), count);
  std::printf("\nresults: %s\n", s.storePath.c_str());
}

}  // namespace

void addRunCommand(CLI::App& app, int& exitCode) {
  auto flags = std::make_shared<RunFlags>();
  CLI::App* sub = app.add_subcommand("run", "Run a benchmark: ask a model for every task, evaluate, score");
  sub->add_option("--suite", flags->suite, "Built-in suite name or suite directory")->capture_default_str();
  sub->add_option("--task", flags->taskFilter, "Only these task ids (repeatable)");
  sub->add_option("--model", flags->model, "reference | bad | replay:FILE.jsonl")->capture_default_str();
  sub->add_option("-n,--samples", flags->n, "Samples per task")->capture_default_str()->check(CLI::Range(1, 1000));
  sub->add_option("-j,--jobs", flags->jobs, "Evaluation workers (default: cores)");
  sub->add_option("--out", flags->out, "Run directory (default: runs/<suite>__<model>__n<N>); an existing one resumes");
  sub->add_flag("--json", flags->json, "Print one JSON object with the summary on stdout");
  sub->add_flag("--no-sandbox", flags->noSandbox, "Run model code without bubblewrap (unsafe)");
  sub->add_flag("--no-progress", flags->noProgress, "No progress output");
  sub->add_option("--sim", flags->simulator, "Simulator: icarus")->capture_default_str();
  sub->add_option("--shots", flags->shots, "In-context examples in the prompt")->check(CLI::Range(0, 8));
  sub->add_option("--prompt-template", flags->promptTemplate, "Directory with prompt templates");
  sub->add_option("--temperature", flags->temperature, "Sampling temperature")->check(CLI::Range(0.0, 2.0));
  sub->add_option("--top-p", flags->topP, "Nucleus sampling")->check(CLI::Range(0.0, 1.0));
  sub->add_option("--max-tokens", flags->maxTokens, "Answer token limit")->check(CLI::Range(1, 1000000));

  sub->callback([flags, &exitCode] {
    auto tasks = loadSuite(flags->suite);
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
    o.suite = flags->suite;
    o.tasks = *tasks;
    o.provider.spec = flags->model;
    o.provider.params.temperature = flags->temperature;
    o.provider.params.topP = flags->topP;
    o.provider.params.maxTokens = flags->maxTokens;
    o.samplesPerTask = flags->n;
    o.workers = flags->jobs;
    o.outDir = flags->out.empty()
                   ? "runs/" + sanitize(flags->suite) + "__" + sanitize(flags->model) + "__n" + std::to_string(flags->n)
                   : flags->out;
    o.eval.sandbox = *sandbox;
    o.eval.simulator = flags->simulator;
    o.shots = flags->shots;
    o.promptTemplateDir = flags->promptTemplate;
    o.progress = !flags->noProgress;
    auto summary = runBenchmark(o);
    if (!summary) {
      exitCode = reportError(summary.error());
      return;
    }
    if (flags->json) {
      nlohmann::json passAt = nlohmann::json::object();
      for (const auto& [k, v] : summary->passAt) passAt[std::to_string(k)] = v;
      nlohmann::json j = {{"run_id", summary->runId},     {"suite", summary->suite},
                          {"model", summary->model},      {"tasks", summary->tasks},
                          {"samples", summary->samples},  {"pass_at", passAt},
                          {"verdicts", summary->verdicts}, {"wall_seconds", summary->wallSeconds},
                          {"out", o.outDir},
                          {"evaluated_now", summary->evaluated},
                          {"reused_now", summary->reused},
                          {"tool_seconds", summary->toolSeconds}};
      std::printf("%s\n", j.dump().c_str());
    } else {
      printSummary(*summary, o.tasks);
    }
    exitCode = kExitOk;
  });
}

}  // namespace rtlarena::cli
