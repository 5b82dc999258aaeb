// Native task folders of kind `assertion` (design → assertions) and `nl2sva` (description →
// one assertion): spec.md, design.sv (the design, or nl2sva's testbench module, named by `top`),
// golden.sv (assertions of ours, all proven; nl2sva: the reference assertion) and bad/*.sv
// (wrong properties: each must get a counterexample, or for nl2sva be non-equivalent).
#include "formal_task.h"

#include <algorithm>

#include "rtlarena/core/files.h"
#include "rtlarena/core/text.h"
#include "rtlarena/tasks/verilog_scan.h"

namespace rtlarena {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

Error taskError(const fs::path& file, const std::string& what) {
  return makeError(ErrorCode::BadTask, file.string() + ": " + what);
}

}  // namespace

Status readFormalSettings(const json& formal, Task& t, const fs::path& file) {
  if (!formal.is_object()) return taskError(file, "field 'formal' must be an object");
  for (const auto& [key, value] : formal.items()) {
    if (key != "clock" && key != "reset" && key != "reset_active")
      return taskError(file, "unknown field 'formal." + key + "'; known: formal.clock, formal.reset, formal.reset_active");
    if (!value.is_string()) return taskError(file, "field 'formal." + key + "' must be a string");
    t.meta[key] = value.get<std::string>();
  }
  if (auto it = t.meta.find("reset_active"); it != t.meta.end() && it->second != "high" && it->second != "low" &&
                                              it->second != "none")
    return taskError(file, "field 'formal.reset_active' is '" + it->second + "'; expected high, low or none");
  return Ok{};
}

Result<Task> loadFormalTask(const fs::path& dir, const json& j, Task t, bool withBadVariants) {
  const fs::path jsonFile = dir / "task.json";
  if (!j.contains("tags") || !j["tags"].is_array()) return taskError(jsonFile, "field 'tags' must be an array of strings");
  for (const auto& tag : j["tags"]) {
    if (!tag.is_string()) return taskError(jsonFile, "field 'tags' must be an array of strings");
    t.tags.push_back(tag.get<std::string>());
  }
  if (!j.contains("difficulty") || !j["difficulty"].is_string()) return taskError(jsonFile, "missing field 'difficulty'");
  t.difficulty = j["difficulty"].get<std::string>();
  if (t.difficulty != "easy" && t.difficulty != "medium" && t.difficulty != "hard")
    return taskError(jsonFile, "field 'difficulty' is '" + t.difficulty + "'; expected easy, medium or hard");
  if (j.contains("formal"))
    if (auto s = readFormalSettings(j["formal"], t, jsonFile); !s) return s.error();

  auto spec = readFile(dir / "spec.md");
  if (!spec) return taskError(dir / "spec.md", "missing (every task needs a specification)");
  t.spec = *spec;
  auto design = readFile(dir / "design.sv");
  if (!design) return taskError(dir / "design.sv", "missing (an assertion task needs the design to check)");
  t.reference = *design;
  t.refTop = t.top;
  t.compileReference = false;
  bool declared = false;
  for (const auto& m : declaredModules(t.reference)) declared = declared || m.name == t.top;
  if (!declared) return taskError(dir / "design.sv", "must define module " + t.top + " (the task's top)");
  t.interface = moduleHeader(t.reference, t.top);
  auto golden = readFile(dir / "golden.sv");
  if (!golden) return taskError(dir / "golden.sv", "missing (every assertion task needs golden properties)");
  t.goldenCandidate = *golden;

  std::error_code ec;
  std::vector<fs::path> bads;
  if (fs::is_directory(dir / "bad", ec))
    for (const auto& e : fs::directory_iterator(dir / "bad", ec))
      if (e.path().extension() == ".sv" || e.path().extension() == ".sva") bads.push_back(e.path());
  std::sort(bads.begin(), bads.end());
  for (const auto& b : bads) {
    auto text = readFile(b);
    if (!text) return text.error();
    t.badVariants.push_back({b.filename().string(), *text});
  }
  if (withBadVariants && t.badVariants.size() < 2)
    return taskError(dir / "bad", "has " + std::to_string(t.badVariants.size()) +
                                      " wrong propert(ies); every assertion task needs at least two (bad/*.sv)");
  return t;
}

}  // namespace rtlarena
