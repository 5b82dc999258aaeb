// AssertionBench's design list, read as published: `verilog_designs.json`, a JSON array of
// {file_name, verilog_design}. Each design becomes an `assertion` task: the model writes
// assertions for the design's top module, which is the module named like the file, else the one
// module no other module of the file instantiates. The benchmark brings no golden assertions, so
// these tasks have no controls.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "rtlarena/core/files.h"
#include "rtlarena/core/text.h"
#include "rtlarena/tasks/dataset.h"
#include "rtlarena/tasks/verilog_scan.h"

namespace rtlarena {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// The module named like the file, else the first one no other module of the source instantiates.
std::string topOf(const std::string& source, const std::string& stem) {
  auto mods = declaredModules(source);
  for (const auto& m : mods)
    if (m.name == stem) return m.name;
  std::set<std::string> used;
  const auto toks = verilogTokens(source);
  std::set<std::string> names;
  for (const auto& m : mods) names.insert(m.name);
  for (std::size_t i = 0; i + 1 < toks.size(); ++i)
    if (names.count(toks[i].text) && (i == 0 || toks[i - 1].text != "module")) used.insert(toks[i].text);
  for (const auto& m : mods)
    if (!used.count(m.name)) return m.name;
  return mods.empty() ? std::string() : mods.front().name;
}

}  // namespace

Result<std::vector<Task>> loadAssertionBench(const fs::path& file) {
  auto text = readFile(file);
  if (!text) return datasetError(file, 0, "cannot read");
  json j = json::parse(*text, nullptr, false);
  if (j.is_discarded()) return datasetError(file, 0, "not valid JSON (expected a list of {file_name, verilog_design})");
  if (!j.is_array()) return datasetError(file, 0, "must hold a JSON list of {file_name, verilog_design}");
  std::vector<Task> tasks;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < j.size(); ++i) {
    const json& e = j[i];
    const std::string where = "entry " + std::to_string(i);
    if (!e.is_object() || !e.contains("file_name") || !e["file_name"].is_string() || !e.contains("verilog_design") ||
        !e["verilog_design"].is_string())
      return datasetError(file, 0, where + ": expected {\"file_name\": string, \"verilog_design\": string}");
    Task t;
    t.format = "assertionbench";
    t.suite = "assertionbench";
    t.kind = TaskKind::Assertion;
    t.dir = file.string();
    t.compileReference = false;
    const std::string name = e["file_name"].get<std::string>();
    const std::string stem = fs::path(name).stem().string();
    t.reference = e["verilog_design"].get<std::string>();
    t.top = t.refTop = topOf(t.reference, stem);
    if (t.top.empty()) return datasetError(file, 0, where + " (" + name + "): verilog_design defines no module");
    t.id = stem;
    for (char& c : t.id) c = std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '_';
    if (!ids.insert(t.id).second) return datasetError(file, 0, where + ": file_name '" + name + "' appears twice");
    t.spec = "The design in `" + name + "`; its top module is `" + t.top + "`.";
    t.interface = moduleHeader(t.reference, t.top);
    tasks.push_back(std::move(t));
  }
  return tasks;
}

}  // namespace rtlarena
