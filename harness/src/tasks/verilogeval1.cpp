// VerilogEval v1 loader (branch release/1.0.0). One JSONL line per problem: task_id, prompt (the
// module header of top_module, as a completion prompt), canonical_solution (the body), test (a
// testbench with top tb that instantiates top_module and reference_module). The problem text
// is a `description` / `detail_description` field of the line, or the line of the same task_id in
// descriptions/VerilogDescription_<Suffix>.jsonl: beside VerilogEval_<Suffix>.jsonl, or one folder
// up, as the published repository lays it out (data/VerilogEval_Human.jsonl next to
// descriptions/VerilogDescription_Human.jsonl).
#include <map>
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

Result<std::string> stringField(const json& j, const char* field, const fs::path& file, int line) {
  if (!j.contains(field)) return datasetError(file, line, std::string("missing field '") + field + "'");
  if (!j[field].is_string()) return datasetError(file, line, std::string("field '") + field + "' must be a string");
  return j[field].get<std::string>();
}

// task_id → description, from the companion descriptions file when there is one.
Result<std::map<std::string, std::string>> companionDescriptions(const fs::path& file) {
  std::map<std::string, std::string> out;
  std::string stem = file.stem().string();
  const std::string prefix = "VerilogEval_";
  if (!startsWith(stem, prefix)) return out;
  const std::string name = "VerilogDescription_" + stem.substr(prefix.size()) + ".jsonl";
  const fs::path dir = fs::absolute(file).parent_path();
  fs::path desc;
  std::error_code ec;
  for (const fs::path& candidate : {dir / "descriptions" / name, dir.parent_path() / "descriptions" / name})
    if (desc.empty() && fs::exists(candidate, ec)) desc = candidate;
  if (desc.empty()) return out;
  auto text = readFile(desc);
  if (!text) return text.error();
  int lineNo = 0;
  for (auto line : splitLines(*text)) {
    ++lineNo;
    if (trim(line).empty()) continue;
    json j = json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return datasetError(desc, lineNo, "not a JSON object");
    auto id = stringField(j, "task_id", desc, lineNo);
    if (!id) return id.error();
    auto d = stringField(j, "detail_description", desc, lineNo);
    if (!d) return d.error();
    out[*id] = *d;
  }
  return out;
}

}  // namespace

Result<std::vector<Task>> loadVerilogEval1(const fs::path& file) {
  auto text = readFile(file);
  if (!text) return datasetError(file, 0, "cannot read (expected a VerilogEval v1 .jsonl file)");
  auto descriptions = companionDescriptions(file);
  if (!descriptions) return descriptions.error();
  std::vector<Task> tasks;
  std::set<std::string> ids;
  int lineNo = 0;
  for (auto line : splitLines(*text)) {
    ++lineNo;
    if (trim(line).empty()) continue;
    json j = json::parse(line, nullptr, false);
    if (j.is_discarded()) return datasetError(file, lineNo, "not valid JSON");
    if (!j.is_object()) return datasetError(file, lineNo, "must be a JSON object");
    auto id = stringField(j, "task_id", file, lineNo);
    if (!id) return id.error();
    if (!ids.insert(*id).second) return datasetError(file, lineNo, "task_id '" + *id + "' appears twice");
    auto prompt = stringField(j, "prompt", file, lineNo);
    if (!prompt) return prompt.error();
    auto solution = stringField(j, "canonical_solution", file, lineNo);
    if (!solution) return solution.error();
    auto test = stringField(j, "test", file, lineNo);
    if (!test) return test.error();

    Task t;
    t.id = *id;
    t.suite = "verilogeval1/" + file.stem().string();
    t.format = "verilogeval1";
    t.compatFamily = CompatFamily::VerilogEval;
    t.kind = TaskKind::CodeComplete;
    t.dir = file.string();
    t.top = "top_module";
    t.refTop = "reference_module";
    t.tbTop = "tb";
    t.limits.simSeconds = 30;
    t.limits.compileSeconds = 30;
    t.interface = *prompt;
    bool declaresTop = false;
    for (const auto& m : declaredModules(*prompt)) declaresTop |= m.name == "top_module";
    if (!declaresTop) return datasetError(file, lineNo, "field 'prompt' does not declare module top_module");
    t.goldenCandidate = *prompt + *solution;
    if (!contains(t.goldenCandidate, "endmodule"))
      return datasetError(file, lineNo, "prompt + canonical_solution has no endmodule");
    bool tbDeclared = false, refInTest = false;
    for (const auto& m : declaredModules(*test)) {
      tbDeclared |= m.name == "tb";
      refInTest |= m.name == "reference_module";
    }
    if (!tbDeclared) return datasetError(file, lineNo, "field 'test' does not declare module tb");
    t.testbench = *test;
    // Most v1 testbenches carry reference_module themselves; otherwise the canonical solution
    // renamed is the reference.
    t.compileReference = !refInTest;
    t.reference = refInTest ? std::string() : replaceIdentifier(t.goldenCandidate, "top_module", "reference_module");
    if (j.contains("detail_description") && j["detail_description"].is_string())
      t.spec = j["detail_description"].get<std::string>();
    else if (j.contains("description") && j["description"].is_string())
      t.spec = j["description"].get<std::string>();
    else if (auto it = descriptions->find(*id); it != descriptions->end())
      t.spec = it->second;
    else
      t.spec = "Complete the Verilog module below.";
    t.meta["line"] = std::to_string(lineNo);
    tasks.push_back(std::move(t));
  }
  return tasks;
}

}  // namespace rtlarena
