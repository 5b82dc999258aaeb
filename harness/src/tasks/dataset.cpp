// The dataset registry: FORMAT:PATH → the format's loader. A new format is one loader file plus
// one line in kFormats.
#include "rtlarena/tasks/dataset.h"

#include <functional>

#include "rtlarena/core/text.h"
#include "rtlarena/tasks/suite.h"
#include "rtlarena/tasks/verilog_scan.h"

namespace rtlarena {

namespace fs = std::filesystem;

namespace {

struct Format {
  const char* name;
  const char* expects;  ///< what PATH must be, for messages
  std::function<Result<std::vector<Task>>(const fs::path&)> load;
};

const std::vector<Format>& formats() {
  static const std::vector<Format> f = {
      {"verilogeval2", "a VerilogEval v2 dataset folder (with problems.txt)", loadVerilogEval2},
      {"verilogeval1", "a VerilogEval v1 .jsonl file", loadVerilogEval1},
      {"rtllm", "an RTLLM v2 folder", loadRtllm},
      {"jsonl", "an rtlarena JSONL task file", loadJsonlDataset},
      {"assertionbench", "AssertionBench's verilog_designs.json", loadAssertionBench},
      {"fveval-nl2sva", "an FVEval NL2SVA .csv file", loadFvevalNl2sva},
      {"fveval-design2sva", "an FVEval Design2SVA .csv file", loadFvevalDesign2sva},
      {"native", "a suite folder of task folders", [](const fs::path& p) { return loadSuiteDir(p); }},
  };
  return f;
}

}  // namespace

Error datasetError(const fs::path& file, int line, const std::string& what) {
  std::string where = file.string();
  if (line > 0) where += ":" + std::to_string(line);
  return makeError(ErrorCode::BadDataset, where + ": " + what);
}

std::vector<std::string> datasetFormats() {
  std::vector<std::string> names;
  for (const auto& f : formats()) names.push_back(f.name);
  return names;
}

Result<std::vector<Task>> loadDataset(const std::string& spec) {
  const std::size_t colon = spec.find(':');
  std::string known;
  for (const auto& n : datasetFormats()) known += (known.empty() ? "" : ", ") + n;
  if (colon == std::string::npos || colon == 0 || colon + 1 == spec.size())
    return makeError(ErrorCode::BadArgument,
                     "--dataset '" + spec + "': expected FORMAT:PATH with FORMAT one of " + known);
  const std::string name = spec.substr(0, colon);
  const fs::path path = spec.substr(colon + 1);
  for (const auto& f : formats()) {
    if (name != f.name) continue;
    std::error_code ec;
    if (!fs::exists(path, ec))
      return makeError(ErrorCode::NotFound, path.string() + ": does not exist (expected " + f.expects + ")");
    auto tasks = f.load(path);
    if (!tasks) return tasks.error();
    if (tasks->empty()) return datasetError(path, 0, std::string("holds no tasks (expected ") + f.expects + ")");
    for (auto& t : *tasks) t.meta["dataset"] = spec;
    return tasks;
  }
  return makeError(ErrorCode::BadArgument, "--dataset '" + spec + "': unknown format '" + name + "' (known: " + known + ")");
}

std::string negativeControlCandidate(const Task& task) {
  // Assertion tasks: the first wrong property file, which must not score.
  if (isFormalKind(task.kind)) return task.badVariants.empty() ? std::string() : task.badVariants.front().text;
  std::string header = task.interface;
  if (header.empty() && !task.goldenCandidate.empty()) header = moduleHeader(task.goldenCandidate, task.top);
  if (header.empty()) return "module " + task.top + ";\nendmodule\n";
  // Interfaces given as a header line may lack the closing semicolon.
  std::string_view h = trim(header);
  std::string fixed(h);
  if (!fixed.empty() && fixed.back() != ';') fixed += ";";
  return emptyModuleFromHeader(fixed);
}

}  // namespace rtlarena
