// VerilogEval v2 loader. A dataset folder (dataset_spec-to-rtl or dataset_code-complete-iccad2023)
// lists its problems in problems.txt; each problem P has P_prompt.txt, P_ref.sv (module
// RefModule), P_test.sv (top tb, instantiates TopModule and RefModule) and, for code completion,
// P_ifc.txt (the module header alone). Stray files beside them are ignored: only problems.txt
// says what the dataset is.
#include <algorithm>
#include <map>

#include "rtlarena/core/files.h"
#include "rtlarena/core/text.h"
#include "rtlarena/tasks/dataset.h"
#include "rtlarena/tasks/verilog_scan.h"

namespace rtlarena {

namespace fs = std::filesystem;

namespace {

// The problem names of problems.txt with their line numbers.
Result<std::vector<std::pair<std::string, int>>> readProblemList(const fs::path& file) {
  auto text = readFile(file);
  if (!text) return datasetError(file, 0, "cannot read (a VerilogEval v2 folder lists its problems in problems.txt)");
  std::vector<std::pair<std::string, int>> out;
  std::map<std::string, int> firstLine;
  int lineNo = 0;
  for (auto line : splitLines(*text)) {
    ++lineNo;
    std::string_view name = trim(line);
    if (name.empty() || name.front() == '#') continue;
    if (name.find_first_of(" \t/") != std::string_view::npos)
      return datasetError(file, lineNo, "'" + std::string(name) + "' is not a problem name (expected e.g. Prob001_zero)");
    if (auto [it, fresh] = firstLine.emplace(std::string(name), lineNo); !fresh)
      return datasetError(file, lineNo, "'" + std::string(name) + "' is listed twice (first on line " + std::to_string(it->second) + ")");
    out.emplace_back(std::string(name), lineNo);
  }
  return out;
}

Result<std::string> readPart(const fs::path& file, const fs::path& list, int listLine) {
  auto text = readFile(file);
  if (!text)
    return datasetError(file, 0, "missing (listed in " + list.filename().string() + " line " + std::to_string(listLine) + ")");
  return *text;
}

// A module-name check that points at the line of what was found instead.
Status requireModule(const std::string& source, const std::string& name, const fs::path& file) {
  auto mods = declaredModules(source);
  for (const auto& m : mods)
    if (m.name == name) return Ok{};
  if (mods.empty()) return datasetError(file, 0, "defines no module (expected module " + name + ")");
  return datasetError(file, mods.front().line, "defines module '" + mods.front().name + "', expected " + name);
}

}  // namespace

Result<std::vector<Task>> loadVerilogEval2(const fs::path& dirIn) {
  std::error_code ec;
  if (!fs::is_directory(dirIn, ec)) return datasetError(dirIn, 0, "not a folder (expected a VerilogEval v2 dataset folder)");
  const fs::path dir = fs::absolute(dirIn).lexically_normal();
  const fs::path list = dir / "problems.txt";
  auto problems = readProblemList(list);
  if (!problems) return problems.error();
  const std::string folder = (dir.filename().empty() ? dir.parent_path() : dir).filename().string();
  bool codeComplete = contains(folder, "code-complete") || contains(folder, "code_complete");
  if (!codeComplete && !problems->empty())
    codeComplete = fs::exists(dir / (problems->front().first + "_ifc.txt"), ec);

  std::vector<Task> tasks;
  for (const auto& [name, line] : *problems) {
    Task t;
    t.id = name;
    t.suite = "verilogeval2/" + folder;
    t.format = "verilogeval2";
    t.compatFamily = CompatFamily::VerilogEval;
    t.kind = codeComplete ? TaskKind::CodeComplete : TaskKind::SpecToRtl;
    t.dir = dir.string();
    t.top = "TopModule";
    t.refTop = "RefModule";
    t.tbTop = "tb";
    t.resultRule = ResultRule::MismatchLine;
    // VerilogEval runs each simulation under `timeout 30`.
    t.limits.simSeconds = 30;
    t.limits.compileSeconds = 30;
    auto prompt = readPart(dir / (name + "_prompt.txt"), list, line);
    if (!prompt) return prompt.error();
    t.spec = *prompt;
    const fs::path refFile = dir / (name + "_ref.sv");
    auto ref = readPart(refFile, list, line);
    if (!ref) return ref.error();
    if (auto s = requireModule(*ref, "RefModule", refFile); !s) return s.error();
    t.reference = *ref;
    t.goldenCandidate = replaceIdentifier(*ref, "RefModule", "TopModule");
    const fs::path testFile = dir / (name + "_test.sv");
    auto test = readPart(testFile, list, line);
    if (!test) return test.error();
    if (auto s = requireModule(*test, "tb", testFile); !s) return s.error();
    auto used = instantiatedModules(*test);
    for (const char* needed : {"TopModule", "RefModule"})
      if (std::find(used.begin(), used.end(), needed) == used.end())
        return datasetError(testFile, 0, std::string("does not instantiate ") + needed);
    t.testbench = *test;
    if (codeComplete) {
      const fs::path ifcFile = dir / (name + "_ifc.txt");
      auto ifc = readPart(ifcFile, list, line);
      if (!ifc) return ifc.error();
      if (!contains(*ifc, "module TopModule"))
        return datasetError(ifcFile, 0, "does not declare module TopModule");
      t.interface = *ifc;
      t.meta["ifc_file"] = ifcFile.string();
    } else {
      t.interface = replaceIdentifier(moduleHeader(*ref, "RefModule"), "RefModule", "TopModule");
    }
    t.meta["problem"] = name;
    t.meta["prompt_file"] = (dir / (name + "_prompt.txt")).string();
    tasks.push_back(std::move(t));
  }
  return tasks;
}

}  // namespace rtlarena
