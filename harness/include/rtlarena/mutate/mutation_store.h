// A mutation analysis kept beside runs: `rtlarena mutate --out DIR` writes a folder that
// `rtlarena report` finds by itself and that a killed analysis resumes from.
//
//   DIR/analysis.json   kind, the settings that decide the results (config), tool versions, date
//   DIR/mutants.jsonl   one line per judged mutant (task, index, mutation, fate, verdict, judge)
//   DIR/mutation.json   the report as `mutate --json` prints it, plus config and `complete`;
//                       rewritten as each task finishes
//   DIR/survivors/<task>/mutant_<i>.v   the code of each survivor, for a person to confirm
//
// A mutant already in mutants.jsonl (same task, index and Yosys mutation) is taken from there and
// not simulated again. Mutants whose simulation failed in the harness are not kept: they are
// retried. Only the last line can be cut short (by a kill) and it is ignored; any other broken
// line is a Parse error naming file and line.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/mutate/mutation_analysis.h"

namespace rtlarena::mutate {

/// The "kind" analysis.json carries; report tells an analysis folder by it.
inline constexpr const char* kAnalysisKind = "rtlarena-mutation-analysis";
inline constexpr const char* kAnalysisFile = "analysis.json";
inline constexpr const char* kMutantsFile = "mutants.jsonl";
inline constexpr const char* kReportFile = "mutation.json";

/// One mutant's outcome as a mutants.jsonl line, and back (code is not stored there).
std::string mutantRecordJson(const std::string& taskId, const MutantResult& r);
/// Parse error for a line that is not a record; `taskId` receives the record's task.
Result<MutantResult> mutantRecordFromJson(const std::string& line, std::string* taskId);

class MutationStore {
 public:
  /// Opens `dir` (created when missing) for an analysis with `configJson` (an object: the
  /// settings that decide results). BadArgument, naming the differing setting, when it holds
  /// another analysis; NotFound when it is a file or holds something else (a run, other files);
  /// Parse when its analysis.json or mutants.jsonl is broken. `toolVersionsJson` is recorded in a new folder.
  static Result<std::unique_ptr<MutationStore>> open(const std::filesystem::path& dir, const std::string& configJson,
                                                     const std::string& toolVersionsJson = "{}");

  /// The stored outcome of this task's mutant, when it was judged before with the same mutation.
  std::optional<MutantResult> find(const std::string& taskId, const Mutant& mutant) const;

  /// Appends the outcome (flushed at once) and writes a survivor's code; harness errors are not
  /// kept. A write failure is remembered (see firstError) so workers need not handle it.
  void record(const std::string& taskId, const MutantResult& result);

  /// Rewrites mutation.json with this task's figures added (replacing an earlier entry).
  void taskFinished(const TaskMutation& task);

  /// Marks mutation.json complete: every task of the analysis has finished.
  Status markComplete();

  /// The first write that failed, if any.
  std::optional<Error> firstError() const;

  /// Mutants taken from the folder instead of being simulated, since open.
  int resumedCount() const;

  const std::filesystem::path& dir() const { return dir_; }

 private:
  MutationStore(std::filesystem::path dir, std::string configJson) : dir_(std::move(dir)), configJson_(std::move(configJson)) {}
  Status load();
  Status writeReport(bool complete);
  void remember(const Status& s);

  std::filesystem::path dir_;
  std::string configJson_;
  std::map<std::pair<std::string, int>, MutantResult> done_;  ///< (task, index) -> outcome
  std::map<std::string, std::string> finishedTasks_;         ///< task -> mutationJson entry
  std::optional<Error> error_;
  mutable int resumed_ = 0;
  mutable std::mutex mutex_;
};

}  // namespace rtlarena::mutate
