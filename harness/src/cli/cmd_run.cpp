// `rtlarena run`: a benchmark run over a suite with one model; resumable through --out.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "common.h"
#include "llm_flags.h"
#include "run_ppa.h"
#include "shared_flags.h"
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
  std::string simulator = "icarus";
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
};

std::string sanitize(std::string s) {
  for (auto& c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') c = '_';
  return s;
}

// The dataset part of a summary: other scorings of the same run, beside the native score.
void printDatasetSummary(const RunSummary& s) {
  auto pct = [](double v) { return v * 100.0; };
  if (!s.goldenCeiling.empty() || !s.negativeControl.empty()) {
    std::printf("\n  %-26s %8s %8s\n", "", "native", "compat");
    auto row = [&](const char* name, const std::map<std::string, double>& m) {
      auto get = [&](const char* k) {
        auto it = m.find(k);
        return it == m.end() ? std::string("-") : fmt::format("{:.1f}%", pct(it->second));
      };
      std::printf("  %-26s %8s %8s\n", name, get("native").c_str(), get("verilogeval").c_str());
    };
    row("golden ceiling (reference)", s.goldenCeiling);
    row("negative control (empty)", s.negativeControl);
  }
  if (s.verilogEvalScore) {
    std::printf("\n  VerilogEval-compatible score %.2f (mean over problems of int(npass/n*100))\n", *s.verilogEvalScore);
    if (s.verilogEvalScoreKept) {
      std::printf("  ... without the %zu problem(s) whose golden design fails in its harness: %.2f (",
                  s.verilogEvalExcludedTasks.size(), *s.verilogEvalScoreKept);
      for (std::size_t i = 0; i < s.verilogEvalExcludedTasks.size() && i < 12; ++i)
        std::printf("%s%s", i ? " " : "", s.verilogEvalExcludedTasks[i].c_str());
      std::printf("%s)\n", s.verilogEvalExcludedTasks.size() > 12 ? " ..." : "");
    }
    std::string codes;
    for (const auto& [c, n] : s.compatCodes) codes += fmt::format(" {}:{}", c, n);
    std::printf("  failure codes:%s\n", codes.c_str());
  }
  if (!s.excludedTasks.empty()) {
    std::printf("\n  %zu problem(s) excluded by errata (reported apart, not scored):", s.excludedTasks.size());
    for (std::size_t i = 0; i < s.excludedTasks.size() && i < 12; ++i) std::printf(" %s", s.excludedTasks[i].c_str());
    std::printf("%s\n", s.excludedTasks.size() > 12 ? " ..." : "");
  }
  if (s.secondSimulatorSamples > 0) {
    std::printf("\n  icarus vs verilator: %zu of %d samples disagree\n", s.disagreements.size(), s.secondSimulatorSamples);
    for (std::size_t i = 0; i < s.disagreements.size() && i < 20; ++i) std::printf("    %s\n", s.disagreements[i].c_str());
  }
}

void printSummary(const RunSummary& s) {
  std::printf("\nrun %s  suite %s  model %s\n", s.runId.c_str(), s.suite.c_str(), s.model.c_str());
  std::printf("tasks %d  samples %d  wall %.1fs  (%d evaluated now, %d identical candidates reused)\n",
              s.tasks, s.samples, s.wallSeconds, s.evaluated, s.reused);
  std::printf("\n  %-10s %8s\n", "metric", "value");
  for (const auto& [k, v] : s.passAt) std::printf("  pass@%-5d %7.1f%%\n", k, v * 100.0);
  for (const auto& [level, byK] : s.score.byDifficulty)
    if (auto it = byK.find(1); it != byK.end()) std::printf("  pass@1 %-9s %5.1f%%\n", level.c_str(), it->second * 100.0);
  if (!s.score.byTag.empty()) {
    std::printf("\n  pass@1 by tag:");
    int col = 0;
    for (const auto& [tag, byK] : s.score.byTag)
      if (auto it = byK.find(1); it != byK.end())
        std::printf("%s%s %.0f%%", col++ % 5 == 0 ? "\n    " : "   ", tag.c_str(), it->second * 100.0);
    std::printf("\n");
  }
  std::printf("\n  %-18s %6s\n", "verdict", "count");
  std::vector<std::pair<std::string, int>> verdicts(s.verdicts.begin(), s.verdicts.end());
  std::sort(verdicts.begin(), verdicts.end(), [](auto& a, auto& b) { return a.second > b.second; });
  for (const auto& [name, count] : verdicts) std::printf("  %-18s %6d\n", name.c_str(), count);
  if (!s.failureClasses.empty()) {
    std::printf("\n  %-40s %6s\n", "failure class", "count");
    std::vector<std::pair<std::string, int>> classes(s.failureClasses.begin(), s.failureClasses.end());
    std::sort(classes.begin(), classes.end(), [](auto& a, auto& b) { return a.second > b.second; });
    for (std::size_t i = 0; i < classes.size() && i < 12; ++i)
      std::printf("  %-40s %6d\n", classes[i].first.c_str(), classes[i].second);
  }
  printDatasetSummary(s);
  std::printf("\nresults: %s\n", s.storePath.c_str());
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
  sub->add_option("--dataset", flags->dataset, "FORMAT:PATH of another benchmark (verilogeval2, verilogeval1, rtllm, jsonl, native)");
  sub->add_option("--compat", flags->compat, "Also score as another harness does: verilogeval")->check(CLI::IsMember({"verilogeval"}));
  sub->add_option("--errata", flags->errata, "Errata file (rtlarena audit): its problems are reported apart from the score");
  sub->add_flag("--controls", flags->controls, "Also run the golden ceiling and negative control (default with --dataset)");
  sub->add_flag("--no-controls", flags->noControls, "Skip the golden ceiling and negative control");
  sub->add_option("--shots", flags->shots, "In-context examples in the prompt")->check(CLI::Range(0, 8));
  sub->add_option("--prompt-template", flags->promptTemplate, "Directory with prompt templates");
  sub->add_option("--temperature", flags->temperature, "Sampling temperature")->check(CLI::Range(0.0, 2.0));
  sub->add_option("--top-p", flags->topP, "Nucleus sampling")->check(CLI::Range(0.0, 1.0));
  sub->add_option("--max-tokens", flags->maxTokens, "Answer token limit")->check(CLI::Range(1, 1000000));
  auto llm = std::make_shared<LlmFlags>();
  addLlmFlags(*sub, *llm);
  auto ppa = std::make_shared<RunPpaFlags>();
  addRunPpaFlags(sub, *ppa);

  sub->callback([flags, llm, ppa, sub, &exitCode] {
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
    o.controls = !flags->noControls && (flags->controls || !flags->dataset.empty());
    if (!flags->errata.empty()) {
      auto errata = readErrata(flags->errata);
      if (!errata) {
        exitCode = reportError(errata.error());
        return;
      }
      o.errata = *errata;
    }
    if (flags->compat == "verilogeval") {
      for (const auto& t : *tasks) {
        if (t.resultRule != ResultRule::MismatchLine || !t.compileReference || t.reference.empty()) {
          exitCode = reportError(makeError(ErrorCode::BadArgument,
                                           "--compat verilogeval needs tasks with a reference module and a 'Mismatches:' "
                                           "testbench; task '" + t.id + "' (" + t.format + ") has none"));
          return;
        }
      }
    }
    o.eval.compat = flags->compat;
    o.tasks = *tasks;
    o.provider.spec = flags->model;
    o.provider.params.temperature = flags->temperature;
    o.provider.params.topP = flags->topP;
    o.provider.params.maxTokens = flags->maxTokens;
    if (auto s = applyLlmFlags(*llm, *sub, o); !s) {
      exitCode = reportError(s.error());
      return;
    }
    o.samplesPerTask = flags->n;
    o.workers = flags->jobs;
    o.outDir = flags->out.empty()
                   ? "runs/" + sanitize(o.suite) + "__" + sanitize(o.provider.spec) + "__n" + std::to_string(flags->n)
                   : flags->out;
    o.eval.sandbox = *sandbox;
    o.eval.simulator = flags->simulator;
    o.shots = flags->shots;
    o.promptTemplateDir = flags->promptTemplate;
    o.progress = !flags->noProgress;
    auto ppaRunner = setUpRunPpa(*ppa, o);
    if (!ppaRunner) {
      exitCode = reportError(ppaRunner.error());
      return;
    }
    auto summary = runBenchmark(o);
    if (!summary) {
      exitCode = reportError(summary.error());
      return;
    }
    auto cost = priceIfAsked(*llm, *summary, o);
    if (!cost) {
      exitCode = reportError(cost.error());
      return;
    }
    std::optional<synth::PpaSummary> ppaSummary;
    if (*ppaRunner) {
      auto s = finishRunPpa(**ppaRunner, o);
      if (!s) {
        exitCode = reportError(s.error());
        return;
      }
      ppaSummary = *s;
    }
    if (flags->json) {
      nlohmann::json passAt = nlohmann::json::object();
      for (const auto& [k, v] : summary->passAt) passAt[std::to_string(k)] = v;
      nlohmann::json j = {{"run_id", summary->runId},     {"suite", summary->suite},
                          {"model", summary->model},      {"tasks", summary->tasks},
                          {"samples", summary->samples},  {"pass_at", passAt},
                          {"verdicts", summary->verdicts}, {"failure_classes", summary->failureClasses}, {"wall_seconds", summary->wallSeconds},
                          {"out", o.outDir},
                          {"evaluated_now", summary->evaluated},
                          {"reused_now", summary->reused},
                          {"tool_seconds", summary->toolSeconds}};
      j["golden_ceiling"] = summary->goldenCeiling;
      j["negative_control"] = summary->negativeControl;
      j["excluded_tasks"] = summary->excludedTasks;
      if (summary->verilogEvalScore) {
        j["verilogeval_score"] = *summary->verilogEvalScore;
        j["verilogeval_codes"] = summary->compatCodes;
        j["verilogeval_evaluated_now"] = summary->compatEvaluated;
        j["verilogeval_from_native_now"] = summary->compatFromNative;
        j["verilogeval_reused_now"] = summary->compatReused;
        if (summary->verilogEvalScoreKept) {
          j["verilogeval_score_without_errata"] = *summary->verilogEvalScoreKept;
          j["verilogeval_excluded_tasks"] = summary->verilogEvalExcludedTasks;
        }
      }
      if (summary->secondSimulatorSamples > 0) j["simulator_disagreements"] = summary->disagreements;
      if (*cost)
        j["cost"] = {{"usd", (*cost)->usd}, {"tokens_in", (*cost)->tokensIn}, {"tokens_out", (*cost)->tokensOut}};
      if (ppaSummary) j["ppa"] = ppaSummaryJson(*ppaSummary);
      std::printf("%s\n", j.dump().c_str());
    } else {
      printSummary(*summary);
      if (ppaSummary) printPpaSummary(*ppaSummary);
      if (*cost)
        std::printf("cost: $%.4f (%lld tokens in, %lld out)\n", (*cost)->usd, static_cast<long long>((*cost)->tokensIn),
                    static_cast<long long>((*cost)->tokensOut));
    }
    exitCode = kExitOk;
  });
}

}  // namespace rtlarena::cli
