// SQLite result store. WAL mode, one connection, writes serialized by a mutex; every write is
// its own transaction so a run killed at any moment loses at most the sample in flight.
#include "rtlarena/store/store.h"

#include <sqlite3.h>

#include <map>
#include <nlohmann/json.hpp>

namespace rtlarena {
namespace {

constexpr const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS runs (
  run_id TEXT PRIMARY KEY, suite TEXT, model TEXT, config_json TEXT, tool_versions_json TEXT,
  git_revision TEXT, created_at TEXT, samples_per_task INTEGER, status TEXT);
CREATE TABLE IF NOT EXISTS samples (
  task_id TEXT, sample INTEGER, prompt_json TEXT, raw_answer TEXT, reasoning TEXT,
  finish_reason TEXT, llm_error INTEGER, llm_error_message TEXT, tokens_in INTEGER,
  tokens_out INTEGER, latency_s REAL, attempts INTEGER, code TEXT, code_hash TEXT,
  extract_method TEXT, PRIMARY KEY (task_id, sample));
CREATE TABLE IF NOT EXISTS evaluations (
  task_id TEXT, sample INTEGER, mode TEXT, verdict TEXT, cls TEXT, message TEXT,
  mismatches INTEGER, samples_compared INTEGER, log_tail TEXT, simulator TEXT, compat_code TEXT,
  compile_s REAL, sim_s REAL, policy_s REAL, wall_s REAL, PRIMARY KEY (task_id, sample, mode));
CREATE TABLE IF NOT EXISTS extras (kind TEXT, key TEXT, json TEXT, PRIMARY KEY (kind, key));
)SQL";

class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &s_, nullptr); }
  ~Stmt() { sqlite3_finalize(s_); }
  bool ok() const { return s_ != nullptr; }
  Stmt& text(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& integer(int i, std::int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  Stmt& real(int i, double v) {
    sqlite3_bind_double(s_, i, v);
    return *this;
  }
  int step() { return sqlite3_step(s_); }
  std::string colText(int i) const {
    const unsigned char* t = sqlite3_column_text(s_, i);
    return t ? std::string(reinterpret_cast<const char*>(t), static_cast<std::size_t>(sqlite3_column_bytes(s_, i))) : std::string();
  }
  std::int64_t colInt(int i) const { return sqlite3_column_int64(s_, i); }
  double colReal(int i) const { return sqlite3_column_double(s_, i); }

 private:
  sqlite3_stmt* s_ = nullptr;
};

constexpr const char* kDroppedModulesKind = "dropped_modules";

std::string sampleKey(const std::string& taskId, int sample) { return taskId + "#" + std::to_string(sample); }

Error storeError(sqlite3* db, const std::string& what) {
  return makeError(ErrorCode::Store, what + ": " + sqlite3_errmsg(db));
}

}  // namespace

Result<std::unique_ptr<Store>> Store::open(const std::filesystem::path& file) {
  std::error_code ec;
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr) != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return makeError(ErrorCode::Store, file.string() + ": cannot open: " + msg);
  }
  sqlite3_busy_timeout(db, 10000);
  std::unique_ptr<Store> store(new Store(db, file));
  for (const char* pragma : {"PRAGMA journal_mode=WAL;", "PRAGMA synchronous=NORMAL;"}) {
    if (auto s = store->exec(pragma); !s) return s.error();
  }
  if (auto s = store->exec(kSchema); !s) return s.error();
  return store;
}

Result<std::unique_ptr<Store>> Store::openReadOnly(const std::filesystem::path& runDir) {
  const std::filesystem::path file = runDir / "results.sqlite";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec))
    return makeError(ErrorCode::NotFound, runDir.string() + ": no results.sqlite here, so not a run directory");
  // mode=ro: SQLite neither creates the file nor writes to it; no schema or pragma is applied.
  sqlite3* db = nullptr;
  std::string uri = "file:";
  for (char c : std::filesystem::absolute(file, ec).string()) {
    if (c == '%' || c == '?' || c == '#') uri += c == '%' ? "%25" : c == '?' ? "%3f" : "%23";
    else uri += c;
  }
  uri += "?mode=ro";
  if (sqlite3_open_v2(uri.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX, nullptr) != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return makeError(ErrorCode::Store, file.string() + ": cannot open: " + msg);
  }
  sqlite3_busy_timeout(db, 10000);
  std::unique_ptr<Store> store(new Store(db, file));
  if (auto run = store->run(); !run)
    return makeError(ErrorCode::NotFound, runDir.string() + ": results.sqlite is not a run store (" + run.error().message + ")");
  return store;
}

Store::~Store() { sqlite3_close(db_); }

Status Store::exec(const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return makeError(ErrorCode::Store, file_.string() + ": " + msg);
  }
  return Ok{};
}

Result<std::optional<RunRecord>> Store::run() {
  std::lock_guard lock(mutex_);
  Stmt q(db_, "SELECT run_id, suite, model, config_json, tool_versions_json, git_revision, "
              "created_at, samples_per_task, status FROM runs LIMIT 1");
  if (!q.ok()) return storeError(db_, "read run");
  if (q.step() != SQLITE_ROW) return std::optional<RunRecord>{};
  RunRecord r;
  r.runId = q.colText(0);
  r.suite = q.colText(1);
  r.model = q.colText(2);
  r.configJson = q.colText(3);
  r.toolVersionsJson = q.colText(4);
  r.gitRevision = q.colText(5);
  r.createdAt = q.colText(6);
  r.samplesPerTask = static_cast<int>(q.colInt(7));
  r.status = q.colText(8);
  return std::optional<RunRecord>(r);
}

Status Store::createRun(const RunRecord& r) {
  std::lock_guard lock(mutex_);
  Stmt q(db_, "INSERT INTO runs VALUES (?,?,?,?,?,?,?,?,?)");
  q.text(1, r.runId).text(2, r.suite).text(3, r.model).text(4, r.configJson).text(5, r.toolVersionsJson)
      .text(6, r.gitRevision).text(7, r.createdAt).integer(8, r.samplesPerTask).text(9, r.status);
  if (q.step() != SQLITE_DONE) return storeError(db_, "create run");
  return Ok{};
}

Status Store::setRunStatus(const std::string& status) {
  std::lock_guard lock(mutex_);
  Stmt q(db_, "UPDATE runs SET status = ?");
  q.text(1, status);
  if (q.step() != SQLITE_DONE) return storeError(db_, "update run");
  return Ok{};
}

Status Store::putSample(const SampleRecord& s) {
  std::lock_guard lock(mutex_);
  Stmt q(db_, "INSERT OR REPLACE INTO samples VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  q.text(1, s.taskId).integer(2, s.sample).text(3, s.promptJson).text(4, s.rawAnswer).text(5, s.reasoning)
      .text(6, s.finishReason).integer(7, s.llmError).text(8, s.llmErrorMessage).integer(9, s.tokensIn)
      .integer(10, s.tokensOut).real(11, s.latencySeconds).integer(12, s.attempts).text(13, s.code)
      .text(14, s.codeHash).text(15, s.extractMethod);
  if (q.step() != SQLITE_DONE) return storeError(db_, "store sample");
  // What extraction cut is kept beside the sample (an extra, so older stores read as they are).
  Stmt d(db_, s.droppedModules.empty() ? "DELETE FROM extras WHERE kind = ? AND key = ?"
                                       : "INSERT OR REPLACE INTO extras VALUES (?,?,?)");
  d.text(1, kDroppedModulesKind).text(2, sampleKey(s.taskId, s.sample));
  if (!s.droppedModules.empty()) d.text(3, nlohmann::json(s.droppedModules).dump());
  if (d.step() != SQLITE_DONE) return storeError(db_, "store dropped modules");
  return Ok{};
}

Status Store::putEvaluation(const EvalRecord& r) {
  std::lock_guard lock(mutex_);
  const Evaluation& e = r.eval;
  Stmt q(db_, "INSERT OR REPLACE INTO evaluations VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  q.text(1, r.taskId).integer(2, r.sample).text(3, r.mode).text(4, std::string(verdictName(e.verdict)))
      .text(5, e.cls).text(6, e.message).integer(7, e.mismatches).integer(8, e.samples).text(9, e.logTail)
      .text(10, e.simulator).text(11, e.compatCode).real(12, e.compileSeconds).real(13, e.simSeconds)
      .real(14, e.policySeconds).real(15, e.wallSeconds);
  if (q.step() != SQLITE_DONE) return storeError(db_, "store evaluation");
  return Ok{};
}

Result<std::vector<SampleRecord>> Store::samples() {
  std::lock_guard lock(mutex_);
  Stmt q(db_, "SELECT * FROM samples ORDER BY task_id, sample");
  if (!q.ok()) return storeError(db_, "read samples");
  std::vector<SampleRecord> out;
  while (q.step() == SQLITE_ROW) {
    SampleRecord s;
    s.taskId = q.colText(0);
    s.sample = static_cast<int>(q.colInt(1));
    s.promptJson = q.colText(2);
    s.rawAnswer = q.colText(3);
    s.reasoning = q.colText(4);
    s.finishReason = q.colText(5);
    s.llmError = q.colInt(6) != 0;
    s.llmErrorMessage = q.colText(7);
    s.tokensIn = q.colInt(8);
    s.tokensOut = q.colInt(9);
    s.latencySeconds = q.colReal(10);
    s.attempts = static_cast<int>(q.colInt(11));
    s.code = q.colText(12);
    s.codeHash = q.colText(13);
    s.extractMethod = q.colText(14);
    out.push_back(std::move(s));
  }
  Stmt d(db_, "SELECT key, json FROM extras WHERE kind = ?");
  if (!d.ok()) return storeError(db_, "read dropped modules");
  d.text(1, kDroppedModulesKind);
  std::map<std::string, std::vector<std::string>> dropped;
  while (d.step() == SQLITE_ROW) {
    auto j = nlohmann::json::parse(d.colText(1), nullptr, false);
    if (j.is_array()) dropped[d.colText(0)] = j.get<std::vector<std::string>>();
  }
  for (auto& s : out)
    if (auto it = dropped.find(sampleKey(s.taskId, s.sample)); it != dropped.end()) s.droppedModules = it->second;
  return out;
}

Result<std::vector<EvalRecord>> Store::evaluations(const std::string& mode) {
  std::lock_guard lock(mutex_);
  Stmt q(db_, "SELECT * FROM evaluations WHERE mode = ? ORDER BY task_id, sample");
  if (!q.ok()) return storeError(db_, "read evaluations");
  q.text(1, mode);
  std::vector<EvalRecord> out;
  while (q.step() == SQLITE_ROW) {
    EvalRecord r;
    r.taskId = q.colText(0);
    r.sample = static_cast<int>(q.colInt(1));
    r.mode = q.colText(2);
    Evaluation& e = r.eval;
    e.verdict = verdictFromName(q.colText(3)).value_or(Verdict::HarnessError);
    e.cls = q.colText(4);
    e.message = q.colText(5);
    e.mismatches = q.colInt(6);
    e.samples = q.colInt(7);
    e.logTail = q.colText(8);
    e.simulator = q.colText(9);
    e.compatCode = q.colText(10);
    e.compileSeconds = q.colReal(11);
    e.simSeconds = q.colReal(12);
    e.policySeconds = q.colReal(13);
    e.wallSeconds = q.colReal(14);
    out.push_back(std::move(r));
  }
  return out;
}

Status Store::putExtra(const std::string& kind, const std::string& key, const std::string& json) {
  std::lock_guard lock(mutex_);
  Stmt q(db_, "INSERT OR REPLACE INTO extras VALUES (?,?,?)");
  q.text(1, kind).text(2, key).text(3, json);
  if (q.step() != SQLITE_DONE) return storeError(db_, "store extra");
  return Ok{};
}

Result<std::vector<std::pair<std::string, std::string>>> Store::extras(const std::string& kind) {
  std::lock_guard lock(mutex_);
  Stmt q(db_, "SELECT key, json FROM extras WHERE kind = ? ORDER BY key");
  if (!q.ok()) return storeError(db_, "read extras");
  q.text(1, kind);
  std::vector<std::pair<std::string, std::string>> out;
  while (q.step() == SQLITE_ROW) out.emplace_back(q.colText(0), q.colText(1));
  return out;
}

Result<std::vector<std::string>> Store::distinct(const char* sql, const char* what) {
  std::lock_guard lock(mutex_);
  Stmt q(db_, sql);
  if (!q.ok()) return storeError(db_, what);
  std::vector<std::string> out;
  while (q.step() == SQLITE_ROW) out.push_back(q.colText(0));
  return out;
}

Result<std::vector<std::string>> Store::evaluationModes() {
  return distinct("SELECT DISTINCT mode FROM evaluations ORDER BY mode", "read evaluation modes");
}

Result<std::vector<std::string>> Store::extraKinds() {
  return distinct("SELECT DISTINCT kind FROM extras ORDER BY kind", "read extra kinds");
}

}  // namespace rtlarena
