// The result store: one SQLite database (WAL) per run output directory. It is the single
// source of truth: resume, reports and exports read it. Writes are serialized inside.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/eval/verdict.h"

struct sqlite3;

namespace rtlarena {

struct RunRecord {
  std::string runId;
  std::string suite;
  std::string model;
  std::string configJson;       ///< everything that defines the results (for resume checks)
  std::string toolVersionsJson;
  std::string gitRevision;
  std::string createdAt;
  int samplesPerTask = 1;
  std::string status = "running";  ///< running | complete
};

struct SampleRecord {
  std::string taskId;
  int sample = 0;
  std::string promptJson;   ///< the exact rendered messages
  std::string rawAnswer;
  std::string reasoning;
  std::string finishReason;
  bool llmError = false;
  std::string llmErrorMessage;
  std::int64_t tokensIn = 0;
  std::int64_t tokensOut = 0;
  double latencySeconds = 0;
  int attempts = 0;
  std::string code;         ///< extracted candidate
  std::string codeHash;
  std::string extractMethod;
  std::vector<std::string> droppedModules;  ///< units extraction cut because the top never reaches them
};

struct EvalRecord {
  std::string taskId;
  int sample = 0;
  std::string mode = "native";  ///< native | verilogeval | ...
  Evaluation eval;
};

class Store {
 public:
  /// Opens (creating it and its folder when missing) the store a run writes.
  static Result<std::unique_ptr<Store>> open(const std::filesystem::path& file);
  /// Opens the store of an existing run directory for reading only: nothing is created or
  /// written. NotFound, naming the folder, when `runDir` holds no results.sqlite.
  static Result<std::unique_ptr<Store>> openReadOnly(const std::filesystem::path& runDir);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  /// The run in this store, if any.
  Result<std::optional<RunRecord>> run();
  Status createRun(const RunRecord& run);
  Status setRunStatus(const std::string& status);

  Status putSample(const SampleRecord& sample);
  Status putEvaluation(const EvalRecord& record);

  Result<std::vector<SampleRecord>> samples();
  Result<std::vector<EvalRecord>> evaluations(const std::string& mode = "native");
  /// The modes the evaluations table holds rows for, sorted.
  Result<std::vector<std::string>> evaluationModes();

  /// Arbitrary extra table rows as JSON keyed by (kind, key); used by PPA and reports.
  Status putExtra(const std::string& kind, const std::string& key, const std::string& json);
  Result<std::vector<std::pair<std::string, std::string>>> extras(const std::string& kind);
  /// The kinds the extras table holds rows for, sorted.
  Result<std::vector<std::string>> extraKinds();

  const std::filesystem::path& file() const { return file_; }

 private:
  Store(sqlite3* db, std::filesystem::path file) : db_(db), file_(std::move(file)) {}
  Status exec(const std::string& sql);
  Result<std::vector<std::string>> distinct(const char* sql, const char* what);
  sqlite3* db_;
  std::filesystem::path file_;
  std::mutex mutex_;
};

}  // namespace rtlarena
