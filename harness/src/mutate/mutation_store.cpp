// The folder of a stored mutation analysis (see mutation_store.h): its identity file, the
// append-only mutant records that make resuming possible, the report and survivors' code.
#include "rtlarena/mutate/mutation_store.h"

#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/core/text.h"
#include "rtlarena/run/run_store.h"

namespace rtlarena::mutate {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::optional<MutantFate> fateFromName(std::string_view name) {
  for (MutantFate f : {MutantFate::Killed, MutantFate::Survived, MutantFate::Unknown, MutantFate::Equivalent, MutantFate::Error})
    if (mutantFateName(f) == name) return f;
  return std::nullopt;
}

std::optional<equiv::EquivVerdict> equivVerdictFromName(std::string_view name) {
  for (auto v : {equiv::EquivVerdict::Equivalent, equiv::EquivVerdict::NotEquivalent, equiv::EquivVerdict::Unknown})
    if (equiv::equivVerdictName(v) == name) return v;
  return std::nullopt;
}

json judgeJson(const equiv::EquivResult& e) {
  json j = {{"verdict", equiv::equivVerdictName(e.verdict)}, {"reason", e.reason},       {"engine", e.engine},
            {"sequential", e.sequential},                    {"bound", e.bound},         {"seconds", e.seconds}};
  if (e.counterexample) {
    json outs = json::array();
    for (const auto& d : e.counterexample->outputs)
      outs.push_back({{"output", d.output}, {"reference", d.reference}, {"mutant", d.candidate}});
    j["counterexample"] = {{"cycle", e.counterexample->cycle}, {"inputs", e.counterexample->inputs}, {"outputs", outs}};
  }
  return j;
}

equiv::EquivResult judgeFromJson(const json& j) {
  equiv::EquivResult e;
  e.verdict = equivVerdictFromName(j.value("verdict", "")).value_or(equiv::EquivVerdict::Unknown);
  e.reason = j.value("reason", "");
  e.engine = j.value("engine", "");
  e.sequential = j.value("sequential", false);
  e.bound = j.value("bound", 0);
  e.seconds = j.value("seconds", 0.0);
  if (j.contains("counterexample") && j["counterexample"].is_object()) {
    const json& c = j["counterexample"];
    equiv::Counterexample cex;
    cex.cycle = c.value("cycle", 0);
    if (c.contains("inputs") && c["inputs"].is_array())
      cex.inputs = c["inputs"].get<std::vector<std::map<std::string, std::string>>>();
    for (const auto& d : c.value("outputs", json::array()))
      cex.outputs.push_back({d.value("output", ""), d.value("reference", ""), d.value("mutant", "")});
    e.counterexample = cex;
  }
  return e;
}

std::string nowIso() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

// Written beside and renamed over: a reader never sees half a report.
Status replaceFile(const fs::path& file, const std::string& content) {
  const fs::path part = file.string() + ".part";
  if (auto s = writeFile(part, content); !s) return s;
  std::error_code ec;
  fs::rename(part, file, ec);
  if (ec) return makeError(ErrorCode::Io, file.string() + ": cannot write: " + ec.message());
  return Ok{};
}

}  // namespace

std::string mutantRecordJson(const std::string& taskId, const MutantResult& r) {
  const Evaluation& e = r.evaluation;
  json j = {{"task", taskId},
            {"mutant", r.mutant.index},
            {"mutation", r.mutant.command},
            {"description", r.mutant.description},
            {"line", r.mutant.sourceLine},
            {"fate", mutantFateName(r.fate)},
            {"verdict", verdictName(e.verdict)},
            {"class", e.cls},
            {"message", e.message},
            {"seconds", e.wallSeconds}};
  if (r.equiv) j["judge"] = judgeJson(*r.equiv);
  return j.dump();
}

Result<MutantResult> mutantRecordFromJson(const std::string& line, std::string* taskId) {
  json j = json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j["task"].is_string() || !j["mutant"].is_number_integer() ||
      !j["mutation"].is_string() || !j["fate"].is_string())
    return makeError(ErrorCode::Parse, "not a mutant record (task, mutant, mutation, fate)");
  auto fate = fateFromName(j["fate"].get<std::string>());
  auto verdict = verdictFromName(j.value("verdict", ""));
  if (!fate || !verdict) return makeError(ErrorCode::Parse, "unknown fate or verdict in a mutant record");
  MutantResult r;
  r.fate = *fate;
  r.mutant.index = j["mutant"].get<int>();
  r.mutant.command = j["mutation"].get<std::string>();
  r.mutant.description = j.value("description", "");
  r.mutant.sourceLine = j.value("line", 0);
  r.evaluation.verdict = *verdict;
  r.evaluation.cls = j.value("class", "");
  r.evaluation.message = j.value("message", "");
  r.evaluation.wallSeconds = j.value("seconds", 0.0);
  if (j.contains("judge") && j["judge"].is_object()) r.equiv = judgeFromJson(j["judge"]);
  if (taskId) *taskId = j["task"].get<std::string>();
  return r;
}

Result<std::unique_ptr<MutationStore>> MutationStore::open(const fs::path& dir, const std::string& configJson,
                                                           const std::string& toolVersionsJson) {
  std::error_code ec;
  const fs::path identity = dir / kAnalysisFile;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
    return makeError(ErrorCode::NotFound, dir.string() + " is a file, not a mutation analysis folder");
  if (fs::exists(identity, ec)) {
    auto text = readFile(identity);
    if (!text) return text.error();
    json j = json::parse(*text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || j.value("kind", "") != kAnalysisKind || !j["config"].is_object())
      return makeError(ErrorCode::Parse, identity.string() + ": not a mutation analysis (kind, config)");
    if (j["config"] != json::parse(configJson))
      return makeError(ErrorCode::BadArgument, dir.string() + " holds a mutation analysis with a different " +
                                                   describeConfigDifference(j["config"].dump(), configJson) +
                                                   "; use another --out to start a new analysis");
  } else if (fs::is_directory(dir, ec) && !fs::is_empty(dir, ec)) {
    const bool run = fs::exists(dir / "results.sqlite", ec);
    return makeError(ErrorCode::NotFound, dir.string() + (run ? " holds a benchmark run" : " holds other files") +
                                              ", not a mutation analysis (no " + kAnalysisFile +
                                              "); give --out a new or empty folder");
  } else {
    fs::create_directories(dir, ec);
    if (ec) return makeError(ErrorCode::Io, dir.string() + ": cannot create: " + ec.message());
    json j = {{"kind", kAnalysisKind},
              {"config", json::parse(configJson)},
              {"tool_versions", json::parse(toolVersionsJson, nullptr, false)},
              {"git_revision", gitRevision()},
              {"created_at", nowIso()}};
    if (auto s = replaceFile(identity, j.dump(1) + "\n"); !s) return s.error();
  }
  std::unique_ptr<MutationStore> store(new MutationStore(dir, configJson));
  if (auto s = store->load(); !s) return s.error();
  return store;
}

Status MutationStore::load() {
  const fs::path file = dir_ / kMutantsFile;
  std::error_code ec;
  if (!fs::exists(file, ec)) return Ok{};
  auto text = readFile(file);
  if (!text) return text.error();
  auto lines = splitLines(*text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (trim(lines[i]).empty()) continue;
    std::string task;
    auto r = mutantRecordFromJson(std::string(lines[i]), &task);
    if (!r) {
      // A kill can cut the last line short: that mutant is simply judged again.
      const bool last = i + 1 == lines.size() && text->back() != '\n';
      if (last) break;
      return makeError(ErrorCode::Parse, file.string() + ":" + std::to_string(i + 1) + ": " + r.error().message);
    }
    done_[{task, r->mutant.index}] = std::move(*r);
  }
  // A cut line is dropped from the file too, so the next record starts on its own line.
  if (!text->empty() && text->back() != '\n') {
    std::string kept;
    for (const auto& [key, r] : done_) kept += mutantRecordJson(key.first, r) + "\n";
    if (auto s = replaceFile(file, kept); !s) return s;
  }
  return Ok{};
}

std::optional<MutantResult> MutationStore::find(const std::string& taskId, const Mutant& mutant) const {
  std::lock_guard lock(mutex_);
  auto it = done_.find({taskId, mutant.index});
  if (it == done_.end() || it->second.mutant.command != mutant.command) return std::nullopt;
  ++resumed_;
  MutantResult r = it->second;
  r.mutant = mutant;  // the code and description as made now
  return r;
}

void MutationStore::record(const std::string& taskId, const MutantResult& r) {
  if (r.fate == MutantFate::Error) return;
  const std::string line = mutantRecordJson(taskId, r) + "\n";
  std::lock_guard lock(mutex_);
  if (r.fate == MutantFate::Survived || r.fate == MutantFate::Unknown) {
    const fs::path folder = dir_ / "survivors" / taskId;
    std::error_code ec;
    fs::create_directories(folder, ec);
    remember(ec ? makeError(ErrorCode::Io, folder.string() + ": cannot create: " + ec.message())
                : writeFile(folder / ("mutant_" + std::to_string(r.mutant.index) + ".v"), r.mutant.code));
  }
  std::FILE* f = std::fopen((dir_ / kMutantsFile).c_str(), "a");
  const bool ok = f && std::fwrite(line.data(), 1, line.size(), f) == line.size() && std::fflush(f) == 0;
  if (f) std::fclose(f);
  if (!ok) remember(makeError(ErrorCode::Io, (dir_ / kMutantsFile).string() + ": cannot append"));
  else done_[{taskId, r.mutant.index}] = r;
}

void MutationStore::taskFinished(const TaskMutation& task) {
  std::lock_guard lock(mutex_);
  finishedTasks_[task.taskId] = taskMutationJson(task);
  remember(writeReport(false));
}

Status MutationStore::markComplete() {
  std::lock_guard lock(mutex_);
  return writeReport(true);
}

Status MutationStore::writeReport(bool complete) {
  json tasks = json::object();
  for (const auto& [id, text] : finishedTasks_) tasks[id] = json::parse(text);
  json j = {{"tasks", tasks}, {"config", json::parse(configJson_)}, {"complete", complete}};
  return replaceFile(dir_ / kReportFile, j.dump(1) + "\n");
}

void MutationStore::remember(const Status& s) {
  if (!s && !error_) error_ = s.error();
}

std::optional<Error> MutationStore::firstError() const {
  std::lock_guard lock(mutex_);
  return error_;
}

int MutationStore::resumedCount() const {
  std::lock_guard lock(mutex_);
  return resumed_;
}

}  // namespace rtlarena::mutate
