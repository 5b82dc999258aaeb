// Finding one task from the command line: an id, suite/id, or a task directory.
#include <filesystem>
#include <iostream>
#include <iterator>

#include "common.h"
#include "rtlarena/core/text.h"
#include "rtlarena/core/text_hints.h"
#include "rtlarena/tasks/dataset.h"
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
  // A misspelt id: the nearest task id of the suites searched.
  std::vector<std::string> ids;
  for (const auto& s : suites)
    for (const auto& e : fs::directory_iterator(datasetsRoot() / s, ec))
      if (fs::exists(e.path() / "task.json", ec)) ids.push_back((suite.empty() ? "" : suite + "/") + e.path().filename().string());
  const std::string hint = closestWord(ref, ids);
  return makeError(ErrorCode::NotFound, "no task '" + ref + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)") +
                                            " (give an id, suite/id or a task directory)");
}

Result<Task> findDatasetTask(const std::string& dataset, const std::string& id) {
  auto tasks = loadDataset(dataset);
  if (!tasks) return tasks.error();
  std::vector<std::string> ids;
  for (auto& t : *tasks) {
    if (t.id == id) return std::move(t);
    ids.push_back(t.id);
  }
  const std::string hint = closestWord(id, ids);
  return makeError(ErrorCode::NotFound, dataset + " has no problem '" + id + "'" +
                                            (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
}

Result<std::string> readStdin() {
  std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  if (std::cin.bad()) return makeError(ErrorCode::Io, "standard input: cannot read");
  return text;
}

}  // namespace rtlarena::cli
