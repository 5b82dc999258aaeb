// Native suites: datasets/<suite>/<task>/{task.json, spec.md, ref.sv, tb.sv, bad/*.sv}.
// task.json is validated field by field; each error names the file and the field.
#include "rtlarena/tasks/suite.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <regex>

#include "rtlarena/core/files.h"
#include "rtlarena/core/text.h"
#include "rtlarena/core/text_hints.h"
#include "rtlarena/core/tools.h"
#include "formal_task.h"

namespace rtlarena {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

Error taskError(const fs::path& file, const std::string& what) {
  return makeError(ErrorCode::BadTask, file.string() + ": " + what);
}

Result<std::string> requireString(const json& j, const char* field, const fs::path& file) {
  if (!j.contains(field)) return taskError(file, std::string("missing field '") + field + "'");
  if (!j[field].is_string()) return taskError(file, std::string("field '") + field + "' must be a string");
  return j[field].get<std::string>();
}

std::string closest(const std::string& word, const std::vector<std::string>& known) { return closestWord(word, known); }

// Unknown keys are errors, as in model configs: a misspelt key would otherwise be ignored silently.
Status rejectUnknownKeys(const json& j, const std::vector<std::string>& known, const std::string& prefix,
                         const fs::path& file) {
  for (const auto& [key, value] : j.items()) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    std::string hint = closest(key, known);
    std::string expected;
    for (const auto& k : known) expected += (expected.empty() ? "" : ", ") + prefix + k;
    return taskError(file, "unknown field '" + prefix + key + "'" +
                               (hint.empty() ? "" : " (did you mean '" + prefix + hint + "'?)") + "; known: " + expected);
  }
  return Ok{};
}

Status readLimits(const json& j, SimLimits& limits, const fs::path& file) {
  if (!j.contains("limits")) return Ok{};
  const json& l = j["limits"];
  if (!l.is_object()) return taskError(file, "field 'limits' must be an object");
  if (auto s = rejectUnknownKeys(l, {"compile_timeout_s", "sim_timeout_s", "memory_mb"}, "limits.", file); !s) return s;
  auto number = [&](const char* key, double& out, double lo, double hi) -> Status {
    if (!l.contains(key)) return Ok{};
    if (!l[key].is_number()) return taskError(file, std::string("field 'limits.") + key + "' must be a number");
    double v = l[key].get<double>();
    if (v < lo || v > hi)
      return taskError(file, std::string("field 'limits.") + key + "' must be between " +
                                 std::to_string(int(lo)) + " and " + std::to_string(int(hi)));
    out = v;
    return Ok{};
  };
  if (auto s = number("compile_timeout_s", limits.compileSeconds, 1, 600); !s) return s;
  if (auto s = number("sim_timeout_s", limits.simSeconds, 1, 3600); !s) return s;
  double memMb = double(limits.memoryBytes >> 20);
  if (auto s = number("memory_mb", memMb, 64, 65536); !s) return s;
  limits.memoryBytes = std::uint64_t(memMb) << 20;
  return Ok{};
}

}  // namespace

Result<Task> loadTaskDir(const fs::path& dir, const std::string& suite, bool withBadVariants) {
  const fs::path jsonFile = dir / "task.json";
  auto text = readFile(jsonFile);
  if (!text) return taskError(jsonFile, "cannot read (every task folder needs a task.json)");
  json j = json::parse(*text, nullptr, false);
  if (j.is_discarded()) return taskError(jsonFile, "not valid JSON");
  if (!j.is_object()) return taskError(jsonFile, "must hold a JSON object");

  if (auto s = rejectUnknownKeys(j, {"id", "kind", "top", "interface", "tags", "difficulty", "limits", "ppa", "formal"}, "", jsonFile); !s)
    return s.error();
  if (j.contains("ppa")) {  // read by the PPA flow: {"clock_period_ns": N}
    if (!j["ppa"].is_object()) return taskError(jsonFile, "field 'ppa' must be an object");
    if (auto s = rejectUnknownKeys(j["ppa"], {"clock_period_ns"}, "ppa.", jsonFile); !s) return s.error();
  }

  Task t;
  t.suite = suite;
  t.dir = dir.string();
  auto id = requireString(j, "id", jsonFile);
  if (!id) return id.error();
  t.id = *id;
  if (!std::regex_match(t.id, std::regex("[a-z0-9_]+")))
    return taskError(jsonFile, "field 'id' is '" + t.id + "'; task ids are lower-case letters, digits and '_'");
  if (t.id != dir.filename().string())
    return taskError(jsonFile, "field 'id' is '" + t.id + "' but the folder is '" +
                                   dir.filename().string() + "'");
  auto kind = requireString(j, "kind", jsonFile);
  if (!kind) return kind.error();
  if (*kind == "spec-to-rtl") t.kind = TaskKind::SpecToRtl;
  else if (*kind == "code-complete") t.kind = TaskKind::CodeComplete;
  else if (*kind == "assertion") t.kind = TaskKind::Assertion;
  else if (*kind == "nl2sva") t.kind = TaskKind::Nl2sva;
  else return taskError(jsonFile, "field 'kind' is '" + *kind + "'; expected spec-to-rtl, code-complete, assertion or nl2sva");
  auto top = requireString(j, "top", jsonFile);
  if (!top) return top.error();
  if (!std::regex_match(*top, std::regex("[A-Za-z_][A-Za-z0-9_]*")))
    return taskError(jsonFile, "field 'top' is not a Verilog identifier");
  t.top = *top;
  if (isFormalKind(t.kind)) return loadFormalTask(dir, j, std::move(t), withBadVariants);
  auto ifc = requireString(j, "interface", jsonFile);
  if (!ifc) return ifc.error();
  t.interface = *ifc;
  if (!contains(t.interface, "module " + t.top))
    return taskError(jsonFile, "field 'interface' must declare module " + t.top);
  if (!j.contains("tags") || !j["tags"].is_array())
    return taskError(jsonFile, "field 'tags' must be an array of strings");
  for (const auto& tag : j["tags"]) {
    if (!tag.is_string()) return taskError(jsonFile, "field 'tags' must be an array of strings");
    t.tags.push_back(tag.get<std::string>());
  }
  auto diff = requireString(j, "difficulty", jsonFile);
  if (!diff) return diff.error();
  if (*diff != "easy" && *diff != "medium" && *diff != "hard")
    return taskError(jsonFile, "field 'difficulty' is '" + *diff + "'; expected easy, medium or hard");
  t.difficulty = *diff;
  if (auto s = readLimits(j, t.limits, jsonFile); !s) return s.error();

  auto spec = readFile(dir / "spec.md");
  if (!spec) return taskError(dir / "spec.md", "missing (every task needs a specification)");
  t.spec = *spec;
  auto ref = readFile(dir / "ref.sv");
  if (!ref) return taskError(dir / "ref.sv", "missing (every task needs a reference)");
  t.reference = *ref;
  if (!contains(t.reference, "module " + t.refTop))
    return taskError(dir / "ref.sv", "must define module " + t.refTop);
  t.goldenCandidate = replaceIdentifier(t.reference, t.refTop, t.top);
  auto tb = readFile(dir / "tb.sv");
  if (!tb) return taskError(dir / "tb.sv", "missing (every task needs a testbench)");
  t.testbench = *tb;

  std::error_code ec;
  if (fs::is_directory(dir / "bad", ec)) {
    std::vector<fs::path> bads;
    for (const auto& e : fs::directory_iterator(dir / "bad", ec))
      if (e.path().extension() == ".sv" || e.path().extension() == ".v") bads.push_back(e.path());
    std::sort(bads.begin(), bads.end());
    for (const auto& b : bads) {
      auto code = readFile(b);
      if (!code) return code.error();
      t.badVariants.push_back({b.filename().string(), *code});
    }
  }
  // Fewer than two known-wrong designs cannot show that the testbench tells designs apart.
  if (withBadVariants && t.badVariants.size() < 2)
    return taskError(dir / "bad", "has " + std::to_string(t.badVariants.size()) +
                                      " wrong design(s); every task needs at least two (bad/*.sv)");
  if (fs::is_directory(dir / "data", ec)) {
    for (const auto& e : fs::directory_iterator(dir / "data", ec)) {
      auto content = readFile(e.path());
      if (!content) return content.error();
      t.supportFiles.push_back({e.path().filename().string(), *content});
    }
  }
  return t;
}

Result<std::vector<Task>> loadSuiteDir(const fs::path& dir, bool withBadVariants) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return makeError(ErrorCode::NotFound, dir.string() + ": no such suite directory");
  std::vector<fs::path> taskDirs;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_directory() && fs::exists(e.path() / "task.json")) taskDirs.push_back(e.path());
  std::sort(taskDirs.begin(), taskDirs.end());
  if (taskDirs.empty()) return makeError(ErrorCode::NotFound, dir.string() + ": holds no task folders (with task.json)");
  std::vector<Task> tasks;
  const std::string suite = dir.filename().string();
  for (const auto& d : taskDirs) {
    auto t = loadTaskDir(d, suite, withBadVariants);
    if (!t) return t.error();
    tasks.push_back(std::move(*t));
  }
  return tasks;
}

fs::path datasetsRoot() { return fs::path(projectRoot()) / "datasets"; }

std::vector<std::string> listSuites() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(datasetsRoot(), ec)) {
    if (!e.is_directory()) continue;
    bool hasTask = false;
    for (const auto& sub : fs::directory_iterator(e.path(), ec))
      if (sub.is_directory() && fs::exists(sub.path() / "task.json")) { hasTask = true; break; }
    if (hasTask) names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

Result<std::vector<Task>> loadSuite(const std::string& name) {
  fs::path dir = datasetsRoot() / name;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    if (fs::is_directory(name, ec)) return loadSuiteDir(name);
    std::string known;
    for (const auto& s : listSuites()) known += (known.empty() ? "" : ", ") + s;
    const std::string hint = closestWord(name, listSuites());
    return makeError(ErrorCode::NotFound, "unknown suite '" + name + "'" +
                                              (hint.empty() ? "" : " (did you mean '" + hint + "'?)") + " (known: " + known + ")");
  }
  return loadSuiteDir(dir);
}

}  // namespace rtlarena
