// FVEval's CSV files, read as published: one header row `design_name,task_id,prompt,ref_solution,
// testbench` and one row per task, fields quoted the RFC 4180 way (doubled quotes, newlines inside
// quotes). NL2SVA rows become `nl2sva` tasks: the prompt describes one property, the testbench
// module declares the signals and the answer is placed in it, the reference is judged against the
// answer by formal equivalence. Design2SVA rows become `assertion` tasks: the prompt is the design,
// the testbench a checker module bound into it that the answer completes.
#include <algorithm>
#include <map>
#include <regex>

#include "rtlarena/core/files.h"
#include "rtlarena/core/text.h"
#include "rtlarena/tasks/dataset.h"
#include "rtlarena/tasks/verilog_scan.h"

namespace rtlarena {

namespace fs = std::filesystem;

namespace {

struct CsvRow {
  int line = 0;  ///< where the row starts
  std::vector<std::string> fields;
};

Result<std::vector<CsvRow>> parseCsv(const std::string& text, const fs::path& file) {
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string field;
  bool quoted = false, any = false;
  int line = 1;
  row.line = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
      else if (c == '"') quoted = false;
      else field += c, line += c == '\n';
      continue;
    }
    if (c == '"' && field.empty()) quoted = any = true;
    else if (c == ',') row.fields.push_back(std::move(field)), field.clear(), any = true;
    else if (c == '\r') continue;
    else if (c == '\n') {
      if (any || !field.empty()) {
        row.fields.push_back(std::move(field));
        rows.push_back(std::move(row));
      }
      field.clear();
      row = CsvRow{};
      any = false;
      row.line = ++line;
    } else field += c, any = true;
  }
  if (quoted) return datasetError(file, row.line, "a quoted field is never closed");
  if (any || !field.empty()) {
    row.fields.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string taskIdOf(const std::string& design, const std::string& task) {
  std::string id = task.rfind(design, 0) == 0 ? task : design + "_" + task;
  for (char& c : id) c = std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '_';
  return id;
}

// FVEval's benches reset with `reset_` (active low); others are left to inference.
void resetFromPorts(const std::string& source, Task& t) {
  static const std::regex resetUnderscore(R"(\breset_\b)");
  if (std::regex_search(source, resetUnderscore)) {
    t.meta["reset"] = "reset_";
    t.meta["reset_active"] = "low";
  }
}

Result<std::vector<Task>> loadFvevalCsv(const fs::path& file, TaskKind kind) {
  auto text = readFile(file);
  if (!text) return datasetError(file, 0, "cannot read");
  auto rows = parseCsv(*text, file);
  if (!rows) return rows.error();
  if (rows->empty()) return datasetError(file, 0, "is empty");
  const std::vector<std::string> expected = {"design_name", "task_id", "prompt", "ref_solution", "testbench"};
  std::map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < rows->front().fields.size(); ++i) col[std::string(trim(rows->front().fields[i]))] = i;
  for (const auto& name : expected)
    if (!col.count(name))
      return datasetError(file, 1, "the header lacks column '" + name + "' (expected design_name,task_id,prompt,ref_solution,testbench)");
  std::vector<Task> tasks;
  std::map<std::string, int> seen;
  for (std::size_t r = 1; r < rows->size(); ++r) {
    const CsvRow& row = (*rows)[r];
    auto get = [&](const char* name) { return col[name] < row.fields.size() ? row.fields[col[name]] : std::string(); };
    if (row.fields.size() != rows->front().fields.size())
      return datasetError(file, row.line, "has " + std::to_string(row.fields.size()) + " fields; the header has " +
                                              std::to_string(rows->front().fields.size()));
    Task t;
    t.format = kind == TaskKind::Nl2sva ? "fveval-nl2sva" : "fveval-design2sva";
    t.suite = file.stem().string();
    t.kind = kind;
    t.dir = file.string();
    t.compileReference = false;
    t.id = taskIdOf(get("design_name"), get("task_id"));
    if (int n = seen[t.id]++; n > 0) t.id += "_" + std::to_string(n);
    t.tags = {get("design_name")};
    const std::string bench = get("testbench");
    if (kind == TaskKind::Nl2sva) {
      auto mods = declaredModules(bench);
      if (mods.empty()) return datasetError(file, row.line, "task '" + get("task_id") + "': the testbench defines no module");
      t.reference = bench;
      t.top = t.refTop = mods.front().name;
      t.spec = "Assert " + std::string(trim(get("prompt")));
      t.goldenCandidate = get("ref_solution");
      if (trim(t.goldenCandidate).empty())
        return datasetError(file, row.line, "task '" + get("task_id") + "': ref_solution is empty (NL2SVA needs a reference)");
    } else {
      const std::string design = get("prompt");
      auto mods = declaredModules(design);
      if (mods.empty()) return datasetError(file, row.line, "task '" + get("task_id") + "': the prompt defines no module");
      t.reference = design;
      t.top = t.refTop = get("design_name");
      if (std::none_of(mods.begin(), mods.end(), [&](const ModuleDecl& m) { return m.name == t.top; }))
        t.top = t.refTop = mods.front().name;
      t.spec = "Complete the testbench module below with assertions about the design; it is bound into `" + t.top +
               "` and sees its signals.\n\n```systemverilog\n" + std::string(trim(bench)) + "\n```";
      t.meta["props_frame"] = bench;
    }
    resetFromPorts(t.reference, t);
    tasks.push_back(std::move(t));
  }
  return tasks;
}

}  // namespace

Result<std::vector<Task>> loadFvevalNl2sva(const fs::path& file) { return loadFvevalCsv(file, TaskKind::Nl2sva); }
Result<std::vector<Task>> loadFvevalDesign2sva(const fs::path& file) { return loadFvevalCsv(file, TaskKind::Assertion); }

}  // namespace rtlarena
