// Finding one task from the command line: an id, suite/id, or a task directory.
#include <filesystem>

#include "common.h"
#include "rtlarena/tasks/suite.h"

namespace rtlarena::cli {

namespace fs = std::filesystem;

Result<Task> findTask(const std::string& ref) {
  std::error_code ec;
  if (fs::is_directory(ref, ec) && fs::exists(fs::path(ref) / "task.json", ec)) {
    fs::path dir = fs::absolute(ref).lexically_normal();
    if (dir.filename().empty()) dir = dir.parent_path();
    return loadTaskDir(dir, dir.parent_path().filename().string());
  }
  std::string suite, id = ref;
  if (auto slash = ref.find('/'); slash != std::string::npos) {
    suite = ref.substr(0, slash);
    id = ref.substr(slash + 1);
  }
  std::vector<std::string> suites = suite.empty() ? listSuites() : std::vector<std::string>{suite};
  for (const auto& s : suites) {
    fs::path dir = datasetsRoot() / s / id;
    if (fs::exists(dir / "task.json", ec)) return loadTaskDir(dir, s);
  }
  return makeError(ErrorCode::NotFound, "no task '" + ref + "' (give an id, suite/id or a task directory)");
}

}  // namespace rtlarena::cli
