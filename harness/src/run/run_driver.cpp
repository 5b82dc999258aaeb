// The run driver. Stages: open/resume the store → ask the provider for missing samples →
// extract and store each answer as it arrives → evaluate on the worker pool (identical
// candidates once, longest tasks first) → score from the store.
#include "rtlarena/run/run_driver.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <thread>

#include "rtlarena/core/hash.h"
#include "rtlarena/core/process.h"
#include "rtlarena/core/tools.h"
#include "rtlarena/core/worker_pool.h"
#include "rtlarena/eval/extract.h"
#include "rtlarena/llm/prompt.h"
#include "rtlarena/run/extra_modes.h"
#include "rtlarena/run/progress.h"
#include "rtlarena/store/store.h"

namespace rtlarena {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string nowIso() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

std::string newRunId() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", std::gmtime(&t));
  std::random_device rd;
  char suffix[8];
  std::snprintf(suffix, sizeof suffix, "%04x", rd() & 0xffff);
  return std::string(buf) + "-" + suffix;
}

std::string gitRevision() {
  ProcessSpec spec;
  spec.argv = {"git", "rev-parse", "--short", "HEAD"};
  spec.workDir = projectRoot();
  spec.env = defaultToolEnv("/tmp");
  spec.deadline = std::chrono::milliseconds(3000);
  auto r = runProcess(spec);
  if (!r || !r->exitedOk()) return "unknown";
  std::string s = r->out;
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

// Everything that defines the results; a resumed run must match it exactly.
std::string configJson(const RunOptions& o) {
  json tasks = json::array();
  for (const auto& t : o.tasks) tasks.push_back(t.id);
  json j = {{"suite", o.suite},
            {"model", o.provider.spec},
            {"base_url", o.provider.baseUrl},
            {"samples_per_task", o.samplesPerTask},
            {"temperature", o.provider.params.temperature},
            {"top_p", o.provider.params.topP},
            {"max_tokens", o.provider.params.maxTokens},
            {"simulator", o.eval.simulator},
            {"compat", o.eval.compat},
            {"policy_check", o.eval.policyCheck},
            {"shots", o.shots},
            {"prompt_template", o.promptTemplateDir},
            {"tasks_hash", sha256Hex(tasks.dump())}};
  if (o.provider.params.seed) j["seed"] = *o.provider.params.seed;
  // Endpoint fields that change answers (never the key, headers, limits or the cache).
  if (!o.provider.params.stop.empty()) j["stop"] = o.provider.params.stop;
  if (!o.provider.extraBodyJson.empty()) j["extra_body"] = json::parse(o.provider.extraBodyJson, nullptr, false);
  if (o.controls) j["controls"] = true;
  return j.dump();
}

std::string describeConfigDifference(const std::string& stored, const std::string& wanted) {
  json a = json::parse(stored, nullptr, false), b = json::parse(wanted, nullptr, false);
  if (a.is_discarded() || b.is_discarded()) return "configuration";
  for (auto it = b.begin(); it != b.end(); ++it)
    if (!a.contains(it.key()) || a[it.key()] != it.value())
      return "'" + it.key() + "' (stored " + (a.contains(it.key()) ? a[it.key()].dump() : "none") + ", now " + it.value().dump() + ")";
  return "configuration";
}

std::string methodName(ExtractMethod m) {
  switch (m) {
    case ExtractMethod::None: return "none";
    case ExtractMethod::BeginDone: return "begin_done";
    case ExtractMethod::Fenced: return "fenced";
    case ExtractMethod::BareModule: return "bare_module";
    case ExtractMethod::Whole: return "whole";
  }
  return "none";
}

// Expected cost, for longest-first scheduling: hard tasks and long testbenches first.
double expectedCost(const Task& t) {
  double d = t.difficulty == "hard" ? 3 : t.difficulty == "medium" ? 2 : 1;
  return d * 1e6 + static_cast<double>(t.testbench.size());
}

}  // namespace

Result<RunSummary> runBenchmark(const RunOptions& options) {
  const auto wallStart = std::chrono::steady_clock::now();
  if (options.tasks.empty()) return makeError(ErrorCode::BadArgument, "no tasks to run");
  if (options.samplesPerTask < 1) return makeError(ErrorCode::BadArgument, "-n must be at least 1");

  auto provider = makeProvider(options.provider);
  if (!provider) return provider.error();

  std::error_code ec;
  fs::create_directories(options.outDir, ec);
  if (ec) return makeError(ErrorCode::Io, options.outDir + ": cannot create: " + ec.message());
  auto store = Store::open(fs::path(options.outDir) / "results.sqlite");
  if (!store) return store.error();

  const std::string config = configJson(options);
  auto existing = (*store)->run();
  if (!existing) return existing.error();
  std::string runId;
  if (*existing) {
    if ((*existing)->configJson != config)
      return makeError(ErrorCode::BadArgument,
                       options.outDir + " holds a run with a different " +
                           describeConfigDifference((*existing)->configJson, config) +
                           "; use another --out to start a new run");
    runId = (*existing)->runId;
  } else {
    RunRecord r;
    r.runId = newRunId();
    r.suite = options.suite;
    r.model = (*provider)->name();
    r.configJson = config;
    r.toolVersionsJson = json(toolVersions()).dump();
    r.gitRevision = gitRevision();
    r.createdAt = nowIso();
    r.samplesPerTask = options.samplesPerTask;
    if (auto s = (*store)->createRun(r); !s) return s.error();
    runId = r.runId;
  }

  // Task metadata for scoring per tag and difficulty from the store alone.
  for (const auto& t : options.tasks) {
    json meta = {{"tags", t.tags}, {"difficulty", t.difficulty}, {"kind", std::string(taskKindName(t.kind))}};
    if (auto s = (*store)->putExtra("task", t.id, meta.dump()); !s) return s.error();
  }

  if (options.errata)
    if (auto s = storeErrata(**store, *options.errata, options.tasks, options.eval.simulator); !s) return s.error();

  // What the store already holds.
  auto storedSamples = (*store)->samples();
  if (!storedSamples) return storedSamples.error();
  auto storedEvals = (*store)->evaluations("native");
  if (!storedEvals) return storedEvals.error();
  std::map<std::pair<std::string, int>, SampleRecord> haveSample;
  // --retry-errors: samples stored as llm_error count as missing and are asked for again.
  for (auto& s : *storedSamples)
    if (!(options.retryLlmErrors && s.llmError)) haveSample[{s.taskId, s.sample}] = s;
  // A harness_error is rtlarena's failure, not the model's: it is always evaluated again.
  std::set<std::pair<std::string, int>> haveEval;
  for (const auto& e : *storedEvals)
    if (e.eval.verdict != Verdict::HarnessError && !(options.retryLlmErrors && e.eval.verdict == Verdict::LlmError))
      haveEval.insert({e.taskId, e.sample});

  // Dedup: (task, code hash) → evaluation, seeded with what the store holds.
  struct Shared {
    std::mutex mutex;
    std::map<std::pair<std::string, std::string>, Evaluation> done;
    std::map<std::pair<std::string, std::string>, std::vector<int>> pending;  // waiting samples
    double toolSeconds = 0;
    int evaluated = 0;
    int reused = 0;
    std::optional<Error> fatal;
  } shared;
  for (const auto& e : *storedEvals) {
    auto it = haveSample.find({e.taskId, e.sample});
    if (it != haveSample.end() && !it->second.codeHash.empty() && e.eval.verdict != Verdict::HarnessError)
      shared.done[{e.taskId, it->second.codeHash}] = e.eval;
  }

  std::vector<const Task*> order;
  for (const auto& t : options.tasks) order.push_back(&t);
  std::stable_sort(order.begin(), order.end(),
                   [](const Task* a, const Task* b) { return expectedCost(*a) > expectedCost(*b); });

  int toEvaluate = 0;
  for (const Task* t : order)
    for (int i = 0; i < options.samplesPerTask; ++i)
      if (!haveEval.count({t->id, i})) ++toEvaluate;

  // `--sim both`: Icarus gives the native verdicts, Verilator a second row per sample.
  EvalOptions nativeEval = options.eval;
  if (nativeEval.simulator == "both") nativeEval.simulator = "icarus";
  Evaluator evaluator(nativeEval);
  Progress progress(toEvaluate, options.progress);
  unsigned workers = options.workers ? options.workers : std::max(1u, std::thread::hardware_concurrency());
  WorkerPool pool(workers);
  Store& db = **store;
  ExtraModes extras({options.eval.compat == "verilogeval", options.eval.simulator == "both", options.controls, nativeEval},
                    db, pool);
  if (auto s = extras.load(); !s) return s.error();
  for (const Task* t : order)
    for (int i = 0; i < options.samplesPerTask; ++i)
      if (auto it = haveSample.find({t->id, i}); it != haveSample.end() && haveEval.count({t->id, i}))
        extras.onSample(*t, it->second);

  auto recordEval = [&](const Task& task, int sample, const Evaluation& e, const std::string& code = {}) {
    if (auto s = db.putEvaluation({task.id, sample, "native", e}); !s) {
      std::lock_guard lock(shared.mutex);
      shared.fatal = s.error();
    } else if (e.passed() && options.onPass && !code.empty()) {
      options.onPass(task, sample, code, e, db);
    }
    progress.tick(e.passed());
  };

  // Evaluates one stored sample, or joins an identical candidate's evaluation.
  // The compat mode hears of each sample under shared.mutex, where it is decided whether a
  // native run of the same code is still to come (pending or fresh), and that run reports back
  // under the same lock before it leaves `pending`, so no compat sample can miss it.
  auto scheduleEval = [&](const Task& task, const SampleRecord& s) {
    if (s.llmError || s.code.empty()) extras.onSample(task, s);
    if (s.llmError) {
      Evaluation e;
      e.verdict = Verdict::LlmError;
      e.message = s.llmErrorMessage;
      recordEval(task, s.sample, e);
      return;
    }
    if (s.code.empty()) {
      Evaluation e;
      e.verdict = Verdict::NoCode;
      e.cls = s.finishReason == "length" ? "truncated" : s.extractMethod == "truncated" ? "truncated" : "none";
      e.message = e.cls == "truncated" ? "the answer was cut off before the module ended"
                                       : "no Verilog module was found in the answer";
      recordEval(task, s.sample, e);
      return;
    }
    const auto key = std::make_pair(task.id, s.codeHash);
    std::optional<Evaluation> known;
    {
      std::lock_guard lock(shared.mutex);
      if (auto it = shared.done.find(key); it != shared.done.end()) {
        ++shared.reused;
        known = it->second;
        extras.onSample(task, s, false);
      } else if (auto p = shared.pending.find(key); p != shared.pending.end()) {
        p->second.push_back(s.sample);
        extras.onSample(task, s, true);
        return;
      } else {
        shared.pending[key] = {};
        extras.onSample(task, s, true);
      }
    }
    if (known) {
      recordEval(task, s.sample, *known, s.code);
      return;
    }
    const std::string code = s.code;
    const int sample = s.sample;
    pool.submit([&, key, code, sample, taskPtr = &task] {
      SimOutcome outcome;
      outcome.simulator.clear();
      Evaluation e = evaluator.evaluate(*taskPtr, code, &outcome);
      std::vector<int> waiters;
      {
        std::lock_guard lock(shared.mutex);
        extras.onNativeRun(*taskPtr, code, outcome.simulator.empty() ? nullptr : &outcome);
        shared.toolSeconds += e.wallSeconds;
        ++shared.evaluated;
        if (e.verdict != Verdict::HarnessError) shared.done[key] = e;
        waiters = std::move(shared.pending[key]);
        shared.pending.erase(key);
        shared.reused += static_cast<int>(waiters.size());
      }
      recordEval(*taskPtr, sample, e, code);
      for (int w : waiters) recordEval(*taskPtr, w, e, code);
    });
  };

  // Samples stored but never evaluated (a run killed between the two writes).
  for (const Task* t : order)
    for (int i = 0; i < options.samplesPerTask; ++i) {
      auto it = haveSample.find({t->id, i});
      if (it != haveSample.end() && !haveEval.count({t->id, i})) scheduleEval(*t, it->second);
    }

  // Ask the provider for what is missing; answers are evaluated as they arrive.
  PromptOptions promptOptions{options.shots, options.promptTemplateDir};
  for (const Task* t : order) {
    std::vector<int> missing;
    for (int i = 0; i < options.samplesPerTask; ++i)
      if (!haveSample.count({t->id, i})) missing.push_back(i);
    if (missing.empty()) continue;
    GenerationRequest req;
    req.task = t;
    req.params = options.provider.params;
    if ((*provider)->wantsPrompt()) {
      auto messages = renderPrompt(*t, promptOptions);
      if (!messages) return messages.error();
      req.messages = std::move(*messages);
    }
    const std::string promptJson = messagesToJson(req.messages);
    // Contiguous ranges of missing sample indices become one request each.
    for (std::size_t i = 0; i < missing.size();) {
      std::size_t j = i + 1;
      while (j < missing.size() && missing[j] == missing[j - 1] + 1) ++j;
      req.firstSample = missing[i];
      req.count = static_cast<int>(j - i);
      (*provider)->submit(req, [&, promptJson](const GenerationRequest& r, Answer a) {
        SampleRecord s;
        s.taskId = r.task->id;
        s.sample = a.sample;
        s.promptJson = promptJson;
        s.rawAnswer = a.text;
        s.reasoning = a.reasoning;
        s.finishReason = a.finishReason;
        s.llmError = a.error;
        s.llmErrorMessage = a.errorMessage;
        s.tokensIn = a.tokensIn;
        s.tokensOut = a.tokensOut;
        s.latencySeconds = a.latencySeconds;
        s.attempts = a.attempts;
        if (!a.error) {
          ExtractOptions eo;
          eo.top = r.task->top;
          if (r.task->kind == TaskKind::CodeComplete) eo.interfaceHeader = r.task->interface;
          Extraction ex = extractCandidate(a.text, eo);
          s.code = ex.code;
          s.codeHash = ex.code.empty() ? "" : sha256Hex(ex.code);
          s.extractMethod = ex.truncated && ex.code.empty() ? "truncated" : methodName(ex.method);
        }
        if (auto st = db.putSample(s); !st) {
          std::lock_guard lock(shared.mutex);
          shared.fatal = st.error();
          return;
        }
        scheduleEval(*r.task, s);
      });
      i = j;
    }
  }
  extras.scheduleControls(options.tasks);
  (*provider)->drain();
  pool.wait();
  progress.finish();
  if (shared.fatal) return *shared.fatal;
  if (auto e = extras.error()) return *e;

  auto summary = summarizeRun(db);
  if (!summary) return summary.error();
  // A run is complete when every sample has an evaluation of the model's ability.
  if (summary->completeSamples == static_cast<int>(options.tasks.size()) * options.samplesPerTask &&
      !summary->hasIncomplete()) {
    if (auto s = db.setRunStatus("complete"); !s) return s.error();
  }
  summary->outDir = options.outDir;
  summary->wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
  summary->toolSeconds = shared.toolSeconds + extras.toolSeconds();
  summary->evaluated = shared.evaluated;
  summary->reused = shared.reused;
  const auto counts = extras.compatCounts();
  summary->compatEvaluated = counts.evaluated;
  summary->compatFromNative = counts.fromNative;
  summary->compatReused = counts.reused;
  return summary;
}

}  // namespace rtlarena
