// rtlarena's generic JSONL dataset: one task per line, so users can bring their own sets without
// making task folders. The fields mirror the native task folder (docs/DATASETS.md); every error
// names the file, the line and the field.
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "rtlarena/core/files.h"
#include "rtlarena/core/text.h"
#include "rtlarena/tasks/dataset.h"
#include "rtlarena/tasks/verilog_scan.h"

namespace rtlarena {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct LineCtx {
  const fs::path& file;
  int line;
  Error err(const std::string& what) const { return datasetError(file, line, what); }
};

Result<std::string> str(const json& j, const char* field, const LineCtx& c, bool required,
                        const std::string& fallback = {}) {
  if (!j.contains(field)) {
    if (required) return c.err(std::string("missing field '") + field + "'");
    return fallback;
  }
  if (!j[field].is_string()) return c.err(std::string("field '") + field + "' must be a string");
  return j[field].get<std::string>();
}

Status requireDecl(const std::string& source, const std::string& name, const char* field, const LineCtx& c) {
  for (const auto& m : declaredModules(source))
    if (m.name == name) return Ok{};
  return c.err(std::string("field '") + field + "' does not declare module " + name);
}

Result<Task> parseTask(const json& j, const LineCtx& c, const std::string& suite) {
  Task t;
  t.format = "jsonl";
  t.suite = suite;
  t.dir = c.file.string();
  auto id = str(j, "id", c, true);
  if (!id) return id.error();
  if (!std::regex_match(*id, std::regex("[A-Za-z0-9_.\\-]+")))
    return c.err("field 'id' must use only letters, digits, '_', '-' and '.'");
  t.id = *id;
  auto kind = str(j, "kind", c, false, "spec-to-rtl");
  if (!kind) return kind.error();
  if (*kind == "spec-to-rtl") t.kind = TaskKind::SpecToRtl;
  else if (*kind == "code-complete") t.kind = TaskKind::CodeComplete;
  else return c.err("field 'kind' is '" + *kind + "'; expected spec-to-rtl or code-complete");
  for (auto [field, target] : {std::pair{"top", &t.top}, {"ref_top", &t.refTop}, {"tb_top", &t.tbTop}}) {
    auto v = str(j, field, c, false, *target);
    if (!v) return v.error();
    if (!std::regex_match(*v, std::regex("[A-Za-z_][A-Za-z0-9_$]*")))
      return c.err(std::string("field '") + field + "' is not a Verilog identifier");
    *target = *v;
  }
  auto spec = str(j, "spec", c, true);
  if (!spec) return spec.error();
  t.spec = *spec;
  auto ref = str(j, "reference", c, true);
  if (!ref) return ref.error();
  auto tb = str(j, "testbench", c, true);
  if (!tb) return tb.error();
  t.testbench = *tb;
  if (auto s = requireDecl(*tb, t.tbTop, "testbench", c); !s) return s.error();
  auto rule = str(j, "result", c, false, "mismatch-line");
  if (!rule) return rule.error();
  if (*rule == "mismatch-line") t.resultRule = ResultRule::MismatchLine;
  else if (*rule == "pass-message") t.resultRule = ResultRule::PassMessage;
  else return c.err("field 'result' is '" + *rule + "'; expected mismatch-line or pass-message");

  // The reference either is a separate module the testbench instantiates next to the candidate
  // (refTop), or is itself a golden candidate (module top) when the testbench checks alone.
  bool refIsRefTop = false, refIsTop = false;
  for (const auto& m : declaredModules(*ref)) {
    refIsRefTop |= m.name == t.refTop;
    refIsTop |= m.name == t.top;
  }
  if (refIsRefTop) {
    t.reference = *ref;
    t.goldenCandidate = replaceIdentifier(*ref, t.refTop, t.top);
  } else if (refIsTop) {
    t.compileReference = false;
    t.goldenCandidate = *ref;
  } else {
    return c.err("field 'reference' declares neither module " + t.refTop + " nor " + t.top);
  }
  auto ifc = str(j, "interface", c, t.kind == TaskKind::CodeComplete);
  if (!ifc) return ifc.error();
  t.interface = ifc->empty() ? moduleHeader(t.goldenCandidate, t.top) : *ifc;
  if (!contains(t.interface, "module " + t.top)) return c.err("field 'interface' must declare module " + t.top);

  if (j.contains("tags")) {
    if (!j["tags"].is_array()) return c.err("field 'tags' must be an array of strings");
    for (const auto& tag : j["tags"]) {
      if (!tag.is_string()) return c.err("field 'tags' must be an array of strings");
      t.tags.push_back(tag.get<std::string>());
    }
  }
  auto diff = str(j, "difficulty", c, false);
  if (!diff) return diff.error();
  if (!diff->empty() && *diff != "easy" && *diff != "medium" && *diff != "hard")
    return c.err("field 'difficulty' is '" + *diff + "'; expected easy, medium or hard");
  t.difficulty = *diff;
  if (j.contains("limits")) {
    const json& l = j["limits"];
    if (!l.is_object()) return c.err("field 'limits' must be an object");
    for (auto [key, target] : {std::pair{"compile_timeout_s", &t.limits.compileSeconds},
                               {"sim_timeout_s", &t.limits.simSeconds}}) {
      if (!l.contains(key)) continue;
      if (!l[key].is_number() || l[key].get<double>() <= 0 || l[key].get<double>() > 3600)
        return c.err(std::string("field 'limits.") + key + "' must be a number of seconds in (0, 3600]");
      *target = l[key].get<double>();
    }
  }
  if (j.contains("support_files")) {
    if (!j["support_files"].is_object()) return c.err("field 'support_files' must be an object {name: content}");
    for (auto it = j["support_files"].begin(); it != j["support_files"].end(); ++it) {
      if (!it.value().is_string()) return c.err("field 'support_files." + it.key() + "' must be a string");
      if (it.key().find('/') != std::string::npos || it.key().empty() || it.key()[0] == '.')
        return c.err("field 'support_files': '" + it.key() + "' must be a plain file name");
      t.supportFiles.push_back({it.key(), it.value().get<std::string>()});
    }
  }
  if (j.contains("bad")) {
    if (!j["bad"].is_array()) return c.err("field 'bad' must be an array of strings");
    int n = 0;
    for (const auto& b : j["bad"]) {
      if (!b.is_string()) return c.err("field 'bad' must be an array of strings");
      t.badVariants.push_back({"bad" + std::to_string(n++) + ".sv", b.get<std::string>()});
    }
  }
  t.meta["line"] = std::to_string(c.line);
  return t;
}

}  // namespace

Result<std::vector<Task>> loadJsonlDataset(const fs::path& file) {
  auto text = readFile(file);
  if (!text) return datasetError(file, 0, "cannot read (expected a JSONL task file)");
  std::vector<Task> tasks;
  std::set<std::string> ids;
  int lineNo = 0;
  for (auto line : splitLines(*text)) {
    ++lineNo;
    if (trim(line).empty()) continue;
    LineCtx c{file, lineNo};
    json j = json::parse(line, nullptr, false);
    if (j.is_discarded()) return c.err("not valid JSON");
    if (!j.is_object()) return c.err("must be a JSON object");
    auto t = parseTask(j, c, file.stem().string());
    if (!t) return t.error();
    if (!ids.insert(t->id).second) return c.err("id '" + t->id + "' appears twice");
    tasks.push_back(std::move(*t));
  }
  return tasks;
}

}  // namespace rtlarena
