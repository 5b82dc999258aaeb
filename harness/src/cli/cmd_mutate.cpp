// `rtlarena mutate`: mutation analysis of testbenches. For each task, N Yosys mutants of the
// reference are run through the task's own testbench; survivors are judged for equivalence.
// Prints one row per task (weakest first) and the surviving mutants, or JSON; with --out the
// analysis is also kept in a folder beside runs (mutation_store.h), resumed when it exists.
#include <algorithm>
#include <cstdio>

#include "commands.h"
#include "common.h"
#include "shared_flags.h"
#include "rtlarena/mutate/mutation_analysis.h"
#include "rtlarena/mutate/mutation_shards.h"
#include "rtlarena/mutate/mutation_store.h"
#include <nlohmann/json.hpp>
#include "rtlarena/core/tools.h"
#include "rtlarena/tasks/dataset.h"
#include "rtlarena/tasks/suite.h"

namespace rtlarena::cli {

namespace {

struct MutateFlags {
  std::string suite, dataset;
  std::vector<std::string> taskIds;
  int mutants = 20, bound = 20;
  unsigned seed = 1, jobs = 0;
  double equivTimeout = 30;
  bool json = false, noSandbox = false, noJudge = false;
  std::string shard;  ///< I/N
  std::string out;    ///< folder to keep the analysis in (resumed when it exists)
};

// The settings that decide a mutation analysis's results: shards of one analysis share them.
std::string mutateConfigJson(const MutateFlags& f) {
  return nlohmann::json{{"suite", f.suite},   {"dataset", f.dataset},      {"mutants", f.mutants},
                        {"seed", f.seed},     {"bound", f.bound},          {"equiv_timeout", f.equivTimeout},
                        {"judge", !f.noJudge}, {"sandbox", !f.noSandbox}}
      .dump();
}

// A stored analysis also depends on which tasks (and which shard) it covers: a folder resumed
// with another selection would mix two analyses.
std::string storeConfigJson(const MutateFlags& f, const std::vector<std::string>& taskIds, const std::optional<Shard>& shard) {
  nlohmann::json j = nlohmann::json::parse(mutateConfigJson(f));
  j["tasks"] = taskIds;
  j["shard"] = shard ? nlohmann::json(shardName(*shard)) : nlohmann::json(nullptr);
  return j.dump();
}

void printTable(std::vector<mutate::TaskMutation> results) {
  std::stable_sort(results.begin(), results.end(), [](const auto& a, const auto& b) {
    return a.killScore() < b.killScore();  // weakest testbenches first; unscored (-1) on top
  });
  std::printf("%-28s %7s %6s %8s %5s %7s %6s\n", "task", "mutants", "killed", "survived", "equiv", "unknown", "score");
  for (const auto& t : results) {
    if (!t.error.empty()) {
      std::printf("%-28s error: %s\n", t.taskId.c_str(), t.error.c_str());
      continue;
    }
    std::printf("%-28s %7d %6d %8d %5d %7d %6s\n", t.taskId.c_str(), t.mutants, t.killed, t.survived, t.equivalent,
                t.unknown, t.killScore() < 0 ? "-" : std::to_string(t.killScore()).substr(0, 5).c_str());
  }
  for (const auto& t : results)
    for (const auto& r : t.results) {
      if (r.fate != mutate::MutantFate::Survived && r.fate != mutate::MutantFate::Unknown) continue;
      std::printf("  %s #%d %s: %s\n", t.taskId.c_str(), r.mutant.index, std::string(mutate::mutantFateName(r.fate)).c_str(),
                  r.mutant.description.c_str());
      if (r.equiv && r.fate == mutate::MutantFate::Unknown) std::printf("      judge: %s\n", r.equiv->reason.c_str());
      if (r.equiv && r.equiv->counterexample && !r.equiv->counterexample->outputs.empty()) {
        const auto& d = r.equiv->counterexample->outputs.front();
        std::printf("      escape: cycle %d, %s reference=%s mutant=%s\n", r.equiv->counterexample->cycle, d.output.c_str(),
                    d.reference.c_str(), d.candidate.c_str());
      }
    }
}

int runMutate(const MutateFlags& f) {
  if (f.dataset.empty() == f.suite.empty())
    return reportError(makeError(ErrorCode::BadArgument, "mutate needs one of --suite NAME or --dataset FORMAT:PATH"));
  auto tasks = f.dataset.empty() ? loadSuite(f.suite) : loadDataset(f.dataset);
  if (!tasks) return reportError(tasks.error());
  std::vector<Task> chosen;
  for (const auto& t : *tasks)
    if (f.taskIds.empty() || std::find(f.taskIds.begin(), f.taskIds.end(), t.id) != f.taskIds.end()) chosen.push_back(t);
  if (chosen.empty()) return reportError(makeError(ErrorCode::NotFound, "no task matches --task"));
  std::optional<Shard> shard;
  std::vector<std::string> allTaskIds;
  for (const auto& t : chosen) allTaskIds.push_back(t.id);
  if (!f.shard.empty()) {
    auto parsed = parseShard(f.shard);
    if (!parsed) return reportError(parsed.error());
    if (!f.json && f.out.empty())
      return reportError(makeError(ErrorCode::BadArgument, "--shard needs --json (the report `merge --mutation` reads) or --out"));
    shard = *parsed;
    std::erase_if(chosen, [&](const Task& t) { return !owns(*shard, t.id, 0); });
  }
  auto sandbox = sandboxFromFlags(f.noSandbox);
  if (!sandbox) return reportError(sandbox.error());
  std::unique_ptr<mutate::MutationStore> store;
  if (!f.out.empty()) {
    auto opened = mutate::MutationStore::open(f.out, storeConfigJson(f, allTaskIds, shard), nlohmann::json(toolVersions()).dump());
    if (!opened) return reportError(opened.error());
    store = std::move(*opened);
  }
  mutate::MutateOptions o;
  o.mutants = f.mutants;
  o.seed = f.seed;
  o.jobs = f.jobs;
  o.eval.sandbox = *sandbox;
  o.equiv.sandbox = *sandbox;
  o.equiv.bound = f.bound;
  o.equiv.timeout = std::chrono::milliseconds(static_cast<long>(f.equivTimeout * 1000));
  o.judgeSurvivors = !f.noJudge;
  o.store = store.get();
  auto results = mutate::analyseMutants(chosen, o, [&](const mutate::TaskMutation& t) {
    if (f.json) return;
    std::fprintf(stderr, "%s: %d/%d killed (%.1fs%s)\n", t.taskId.c_str(), t.killed, t.killed + t.survived, t.seconds,
                 t.resumed ? (", " + std::to_string(t.resumed) + " resumed").c_str() : "");
  });
  if (store) {
    if (auto e = store->firstError()) return reportError(*e);
    if (auto s = store->markComplete(); !s) return reportError(s.error());
    if (!f.json) std::fprintf(stderr, "stored in %s (%d mutants resumed)\n", f.out.c_str(), store->resumedCount());
  }
  if (f.json && shard)
    printJson(mutate::shardReportJson(mutate::mutationJson(results), *shard, mutateConfigJson(f), allTaskIds));
  else if (f.json) printJson(mutate::mutationJson(results));
  else printTable(results);
  for (const auto& t : results)
    if (!t.error.empty()) return kExitInput;
  return kExitOk;
}

}  // namespace

void addMutateCommand(CLI::App& app, int& exitCode) {
  auto f = std::make_shared<MutateFlags>();
  CLI::App* sub = app.add_subcommand("mutate", "Mutation analysis: how many Yosys mutants of the reference each testbench kills");
  auto* ds = sub->add_option("--dataset", f->dataset, "FORMAT:PATH (verilogeval2, verilogeval1, rtllm, jsonl, native)");
  sub->add_option("--suite", f->suite, "A built-in suite instead of --dataset")->excludes(ds);
  sub->add_option("--task", f->taskIds, "Only these task ids (repeatable)");
  sub->add_option("--mutants", f->mutants, "Mutants per task")->capture_default_str()->check(CLI::PositiveNumber);
  sub->add_option("--seed", f->seed, "Seed of Yosys's mutation sampling")->capture_default_str();
  addJobsOption(*sub, f->jobs);
  sub->add_option("--bound", f->bound, "Induction length / bounded-check depth of the judge")->capture_default_str();
  sub->add_option("--equiv-timeout", f->equivTimeout, "Seconds per equivalence check of a survivor")->capture_default_str();
  sub->add_flag("--no-judge", f->noJudge, "Do not judge survivors (all count as unknown)");
  sub->add_flag("--json", f->json, "Print {tasks: {ID: {mutants, killed, survived, equivalent, unknown, kill_score}}}");
  sub->add_flag("--no-sandbox", f->noSandbox, "Run without bubblewrap (unsafe)");
  sub->add_option("--out", f->out, "Keep the analysis in this folder (e.g. runs/mutate__core__m20) for `rtlarena report`; an existing one resumes");
  sub->add_option("--shard", f->shard, "I/N: only the tasks shard I of N owns, as a report for `merge --mutation` (needs --json), or kept with --out");
  sub->callback([f, &exitCode] {
    if (!onlyCheckingFlags()) exitCode = runMutate(*f);
  });
}

}  // namespace rtlarena::cli
