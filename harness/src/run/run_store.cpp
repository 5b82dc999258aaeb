// Opening a run's store: a new run records its configuration, tool versions and git revision;
// a resumed one must have the same configuration. Task metadata and errata are written so the
// summary can be made from the store alone.
#include "rtlarena/run/run_store.h"

#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>

#include "rtlarena/core/hash.h"
#include "rtlarena/core/process.h"
#include "rtlarena/core/tools.h"

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


}  // namespace

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

std::string describeConfigDifference(const std::string& stored, const std::string& wanted) {
  json a = json::parse(stored, nullptr, false), b = json::parse(wanted, nullptr, false);
  if (a.is_discarded() || b.is_discarded()) return "configuration";
  for (auto it = b.begin(); it != b.end(); ++it)
    if (!a.contains(it.key()) || a[it.key()] != it.value())
      return "'" + it.key() + "' (stored " + (a.contains(it.key()) ? a[it.key()].dump() : "none") + ", now " + it.value().dump() + ")";
  return "configuration";
}

namespace {

// A shard's store records which shard it is (not in the configuration: every shard of a run
// has the same one, which is what `merge` checks); resuming it as another shard is refused.
Status checkShard(Store& store, const RunOptions& options, bool resumed) {
  auto rows = store.extras(kShardExtraKind);
  if (!rows) return rows.error();
  std::optional<Shard> stored;
  for (const auto& [key, text] : *rows) {
    auto shard = shardFromJson(text);
    if (!shard) return makeError(ErrorCode::Parse, store.file().string() + ": " + shard.error().message);
    stored = *shard;
  }
  if (resumed && stored != options.shard)
    return makeError(ErrorCode::BadArgument,
                     options.outDir + " holds " + (stored ? "shard " + shardName(*stored) : std::string("an unsharded run")) +
                         ", not " + (options.shard ? "shard " + shardName(*options.shard) : std::string("an unsharded run")) +
                         "; use another --out to start a new run");
  if (!resumed && options.shard) return store.putExtra(kShardExtraKind, kShardExtraKey, shardJson(*options.shard));
  return Ok{};
}

}  // namespace

std::string runConfigJson(const RunOptions& o) {
  json tasks = json::array();
  for (const auto& t : o.tasks) tasks.push_back(t.id);
  // The keys and values runs have always stored, so older runs still resume. PPA is not
  // among them: it is added to (or refreshed in) a run at any time.
  json j = {{"suite", o.suite},
            {"model", o.provider.spec},
            {"base_url", o.provider.baseUrl},
            {"samples_per_task", o.samplesPerTask},
            {"temperature", o.provider.params.temperature},
            {"top_p", o.provider.params.topP},
            {"max_tokens", o.provider.params.maxTokens},
            {"simulator", std::string(simulatorName(o.eval.simulator))},
            {"compat", o.modes.count(ModeId::VerilogEval) ? kCompatMode : ""},
            {"policy_check", o.eval.policyCheck},
            {"shots", o.shots},
            {"prompt_template", o.promptTemplateDir},
            {"tasks_hash", sha256Hex(tasks.dump())}};
  if (o.provider.params.seed) j["seed"] = *o.provider.params.seed;
  // Endpoint fields that change answers (never the key, headers, limits or the cache).
  if (!o.provider.params.stop.empty()) j["stop"] = o.provider.params.stop;
  if (!o.provider.extraBodyJson.empty()) j["extra_body"] = json::parse(o.provider.extraBodyJson, nullptr, false);
  if (o.modes.count(ModeId::Controls)) j["controls"] = true;
  return j.dump();
}

Result<std::unique_ptr<Store>> openRunStore(const RunOptions& options, const std::string& providerName) {
  std::error_code ec;
  fs::create_directories(options.outDir, ec);
  if (ec) return makeError(ErrorCode::Io, options.outDir + ": cannot create: " + ec.message());
  auto store = Store::open(fs::path(options.outDir) / "results.sqlite");
  if (!store) return store.error();

  const std::string config = runConfigJson(options);
  auto existing = (*store)->run();
  if (!existing) return existing.error();
  if (*existing) {
    if ((*existing)->configJson != config)
      return makeError(ErrorCode::BadArgument, options.outDir + " holds a run with a different " +
                                                   describeConfigDifference((*existing)->configJson, config) +
                                                   "; use another --out to start a new run");
  } else {
    RunRecord r;
    r.runId = newRunId();
    r.suite = options.suite;
    r.model = providerName;
    r.configJson = config;
    r.toolVersionsJson = json(toolVersions()).dump();
    r.gitRevision = gitRevision();
    r.createdAt = nowIso();
    r.samplesPerTask = options.samplesPerTask;
    if (auto s = (*store)->createRun(r); !s) return s.error();
  }
  if (auto s = checkShard(**store, options, existing->has_value()); !s) return s.error();
  for (const auto& t : options.tasks) {
    json meta = {{"tags", t.tags}, {"difficulty", t.difficulty}, {"kind", std::string(taskKindName(t.kind))}};
    if (auto s = (*store)->putExtra("task", t.id, meta.dump()); !s) return s.error();
  }
  if (options.errata)
    if (auto s = storeErrata(**store, *options.errata, options.tasks, options.eval.simulator); !s) return s.error();
  return store;
}

Status storeErrata(Store& store, const Errata& errata, const std::vector<Task>& tasks, SimulatorKind simulator) {
  // Native scores drop what fails on the run's simulator; the VerilogEval-compatible score is
  // VerilogEval's own harness, so it drops what fails there ("verilogeval" entries).
  for (const auto& [kind, judge] : {std::pair<const char*, std::string>{"errata", std::string(simulatorName(simulator))},
                                    {kErrataCompatKind, kCompatMode}}) {
    for (const auto& t : tasks) {
      if (!errata.excludes(t.id, judge)) continue;
      json why = json::array();
      for (const auto& e : errata.entries)
        if (e.taskId == t.id && e.excludes) why.push_back({{"simulator", e.simulator}, {"symptom", e.symptom}, {"detail", e.detail}});
      if (auto s = store.putExtra(kind, t.id, why.dump()); !s) return s;
    }
  }
  return Ok{};
}

}  // namespace rtlarena
