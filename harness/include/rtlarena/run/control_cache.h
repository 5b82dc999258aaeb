// Verdicts of the controls (golden ceiling, negative control) kept across runs: they depend on
// the task, the scoring mode, the evaluation settings and the tools, never on the model, so a
// second model's run on a dataset does not evaluate them again. One small JSON file per key
// under the cache directory, written atomically (several runs may share it).
#pragma once

#include <optional>
#include <string>

#include "rtlarena/run/eval_mode.h"
#include "rtlarena/tasks/task.h"

namespace rtlarena {

class ControlCache {
 public:
  /// `salt` names the evaluation settings (simulator, policy, sandbox); the tool versions are
  /// added here. An empty `dir` disables the cache.
  ControlCache(std::string dir, const std::string& salt);
  /// The cached result of `mode` judging `input` for `task`, when there is one.
  std::optional<ModeResult> get(const Task& task, std::string_view mode, const ModeJob& job) const;
  /// Keeps a complete result.
  void put(const Task& task, std::string_view mode, const ModeJob& job, const ModeResult& result) const;
  /// The default folder: <cache root>/controls.
  static std::string defaultDir();

 private:
  std::string key(const Task& task, std::string_view mode, const ModeJob& job) const;
  std::string dir_;
  std::string salt_;
};

}  // namespace rtlarena
