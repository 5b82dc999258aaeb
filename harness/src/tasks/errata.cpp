// Errata files: JSON {dataset, created_at, tools, problems: [{id, simulator, symptom, detail,
// excludes}]}.
#include "rtlarena/tasks/errata.h"

#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/tasks/dataset.h"

namespace rtlarena {

using nlohmann::json;

bool Errata::excludes(const std::string& taskId, const std::string& simulator) const {
  for (const auto& e : entries) {
    if (e.taskId != taskId || !e.excludes) continue;
    if (e.simulator == "any" || e.simulator == simulator) return true;
    // auto and both may run either simulator: a problem broken on either is out.
    if ((simulator == "auto" || simulator == "both") && (e.simulator == "icarus" || e.simulator == "verilator"))
      return true;
  }
  return false;
}

Result<Errata> readErrata(const std::filesystem::path& file) {
  auto text = readFile(file);
  if (!text) return datasetError(file, 0, "cannot read the errata file");
  json j = json::parse(*text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return datasetError(file, 0, "not a JSON object (expected an errata file from rtlarena audit)");
  if (!j.contains("problems") || !j["problems"].is_array()) return datasetError(file, 0, "field 'problems' must be an array");
  Errata e;
  e.dataset = j.value("dataset", "");
  e.createdAt = j.value("created_at", "");
  if (j.contains("tools") && j["tools"].is_object())
    for (auto it = j["tools"].begin(); it != j["tools"].end(); ++it)
      if (it.value().is_string()) e.tools[it.key()] = it.value().get<std::string>();
  int n = 0;
  for (const auto& p : j["problems"]) {
    ++n;
    if (!p.is_object() || !p.contains("id") || !p["id"].is_string())
      return datasetError(file, 0, "problems[" + std::to_string(n - 1) + "]: field 'id' must be a string");
    Erratum x;
    x.taskId = p["id"].get<std::string>();
    x.simulator = p.value("simulator", "any");
    x.symptom = p.value("symptom", "");
    x.detail = p.value("detail", "");
    x.excludes = p.value("excludes", true);
    e.entries.push_back(std::move(x));
  }
  return e;
}

Status writeErrata(const std::filesystem::path& file, const Errata& errata) {
  json problems = json::array();
  for (const auto& x : errata.entries)
    problems.push_back({{"id", x.taskId}, {"simulator", x.simulator}, {"symptom", x.symptom},
                        {"detail", x.detail}, {"excludes", x.excludes}});
  json j = {{"dataset", errata.dataset}, {"created_at", errata.createdAt}, {"tools", errata.tools},
            {"problems", problems}};
  return writeFile(file, j.dump(2) + "\n");
}

}  // namespace rtlarena
