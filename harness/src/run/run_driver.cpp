// The run driver: the order of stages of `rtlarena run`, each one call (see the comment on each
// for why it comes where it does). What a mode does is in modes/; how jobs are shared and
// stored is in eval_queue.cpp; what the figures are is in summary.cpp.
#include "rtlarena/run/run_driver.h"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "eval_queue.h"
#include "generate.h"
#include "rtlarena/core/worker_pool.h"
#include "rtlarena/run/progress.h"
#include "rtlarena/run/run_store.h"

namespace rtlarena {

namespace {

// Expected cost, for longest-first scheduling: hard tasks and long testbenches first.
double expectedCost(const Task& t) {
  double d = t.difficulty == "hard" ? 3 : t.difficulty == "medium" ? 2 : 1;
  return d * 1e6 + static_cast<double>(t.testbench.size());
}

// What the store holds and what it lacks.
struct RunPlan {
  std::vector<const Task*> order;               ///< longest first
  std::vector<std::pair<const Task*, SampleRecord>> stored;  ///< answers to judge from the store
  MissingSamples missing;                       ///< answers to ask for
  StoredResults results;                        ///< every mode's stored results
  int toEvaluate = 0;                           ///< samples without a native verdict
  int owned = 0;                                ///< (task, sample) pairs this run (or shard) holds
};

// Whether this run (or shard of a run) owns sample `sample` of `taskId`.
bool ownedHere(const RunOptions& options, const std::string& taskId, int sample) {
  return !options.shard || owns(*options.shard, taskId, sample);
}

Result<RunPlan> planRun(Store& store, const RunOptions& options, const std::vector<std::unique_ptr<EvalMode>>& modes) {
  RunPlan plan;
  for (const auto& t : options.tasks) plan.order.push_back(&t);
  std::stable_sort(plan.order.begin(), plan.order.end(),
                   [](const Task* a, const Task* b) { return expectedCost(*a) > expectedCost(*b); });
  for (const auto& m : modes)
    if (auto s = m->load(store, options.tasks, plan.results); !s) return s.error();
  auto samples = store.samples();
  if (!samples) return samples.error();
  std::map<std::pair<std::string, int>, SampleRecord> have;
  for (auto& s : *samples)
    if (!(options.retryLlmErrors && s.llmError)) have[{s.taskId, s.sample}] = std::move(s);  // asked again
  for (const Task* t : plan.order) {
    std::vector<int> missing;
    for (int i = 0; i < options.samplesPerTask; ++i) {
      if (!ownedHere(options, t->id, i)) continue;
      ++plan.owned;
      if (!plan.results.count({kNativeMode, t->id, i})) ++plan.toEvaluate;
      auto it = have.find({t->id, i});
      if (it == have.end()) missing.push_back(i);
      else plan.stored.emplace_back(t, std::move(it->second));
    }
    plan.missing.emplace_back(t, std::move(missing));
  }
  return plan;
}

// The evaluation settings a control's verdict depends on, besides the task and the tools.
std::string controlCacheSalt(const ModeConfig& config) {
  return nlohmann::json{std::string(simulatorName(config.eval.simulator)), config.eval.policyCheck,
                        static_cast<int>(config.eval.sandbox.mode), config.ppa.clockPeriodNs.value_or(0),
                        config.ppa.simulationActivity}
      .dump();
}

}  // namespace

std::pair<std::set<ModeId>, ModeConfig> runModes(const RunOptions& options) {
  std::set<ModeId> ids = options.modes;
  // Assertion and nl2sva tasks are judged by the formal checker: its mode gives their verdicts.
  const bool formal = std::any_of(options.tasks.begin(), options.tasks.end(), [](const Task& t) { return isFormalKind(t.kind); });
  ids.insert(formal ? ModeId::Assertion : ModeId::Native);
  ModeConfig config;
  config.eval = options.eval;
  config.ppa = options.ppa;
  config.judge = options.judge;
  config.assertMutants = options.assertMutants;
  config.differential = options.differential;
  if (options.eval.simulator == SimulatorKind::Both) {
    config.eval.simulator = SimulatorKind::Icarus;  // Icarus gives the verdicts,
    ids.insert(ModeId::SecondSimulator);            // Verilator a second row per sample
  }
  return {ids, config};
}

Result<RunSummary> runBenchmark(const RunOptions& options) {
  const auto wallStart = std::chrono::steady_clock::now();
  if (options.tasks.empty()) return makeError(ErrorCode::BadArgument, "no tasks to run");
  if (options.samplesPerTask < 1) return makeError(ErrorCode::BadArgument, "-n must be at least 1");

  // 1. Modes and provider first: a mode that cannot work (a tool missing, tasks it cannot
  //    score) or a provider that cannot be made fails the run before anything is stored.
  const ModeRegistry& registry = options.registry ? *options.registry : ModeRegistry::global();
  auto [modeIds, modeConfig] = runModes(options);
  auto modes = registry.make(modeIds, modeConfig);
  if (!modes) return modes.error();
  for (const auto& m : *modes)
    if (auto s = m->check(options.tasks); !s) return s.error();
  auto provider = makeProvider(options.provider);
  if (!provider) return provider.error();

  // 2. The store: created for a new run, checked against the configuration when resumed.
  auto store = openRunStore(options, (*provider)->name());
  if (!store) return store.error();
  Store& db = **store;

  // 3. Plan from the store: what is held is neither asked for nor evaluated again.
  auto plan = planRun(db, options, *modes);
  if (!plan) return plan.error();

  // 4. One queue for every evaluation. Stored answers go in first, then the controls, so
  //    stored results seed the sharing of identical inputs before new answers arrive.
  Progress progress(plan->toEvaluate, options.progress);
  WorkerPool pool(options.workers ? options.workers : std::max(1u, std::thread::hardware_concurrency()));
  const ControlCache controls(options.controlCacheDir, controlCacheSalt(modeConfig));
  EvalQueue queue(*modes, db, pool, std::move(plan->results), progress, &controls);
  for (auto& [task, sample] : plan->stored) queue.submit(*task, Subject{SubjectKind::Sample, std::move(sample)});
  for (const Task* t : plan->order)
    if (ownedHere(options, t->id, 0))  // a task's controls are judged by one shard only
      for (const auto& m : *modes)
        for (auto& subject : m->subjects(*t)) queue.submit(*t, std::move(subject));

  // 5. Generate: each answer is stored as it arrives and queued at once, so generation and
  //    evaluation overlap.
  std::mutex fatalMutex;
  std::optional<Error> fatal;
  auto onSample = [&](const Task& task, SampleRecord s) {
    if (auto st = db.putSample(s); !st) {
      std::lock_guard lock(fatalMutex);
      if (!fatal) fatal = st.error();
      return;
    }
    queue.submit(task, Subject{SubjectKind::Sample, std::move(s)});
  };
  const Status requested = requestSamples(**provider, plan->missing, options, onSample);
  (*provider)->drain();
  pool.wait();
  progress.finish();
  if (!requested) return requested.error();
  if (fatal) return *fatal;
  if (auto e = queue.error()) return *e;

  // 6. The summary, from the store like every other reader's, plus what only this
  //    invocation knows (time, work done now) and the price.
  auto summary = summarizeRun(db, &registry, options.passAtK);
  if (!summary) return summary.error();
  if (summary->completeSamples == plan->owned && !summary->hasIncomplete())
    if (auto s = db.setRunStatus("complete"); !s) return s.error();
  if (!options.priceTableFile.empty()) {
    auto cost = priceRun(db, options.priceTableFile, options.provider.spec);
    if (!cost) return cost.error();
    summary->cost = *cost;
  }
  summary->outDir = options.outDir;
  summary->wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
  summary->toolSeconds = queue.toolSeconds();
  const auto native = queue.counts(modeIds.count(ModeId::Assertion) ? ModeId::Assertion : ModeId::Native), compat = queue.counts(ModeId::VerilogEval);
  summary->evaluated = native.evaluated;
  summary->reused = native.reused;
  summary->compatEvaluated = compat.evaluated - compat.derived;
  summary->compatFromNative = compat.derived;
  summary->compatReused = compat.reused;
  return summary;
}

}  // namespace rtlarena
