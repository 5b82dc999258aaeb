// Shard reports of mutation analysis and their merge (see mutation_shards.h).
#include "rtlarena/mutate/mutation_shards.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace rtlarena::mutate {

using nlohmann::json;

std::string shardReportJson(const std::string& tasksJson, const Shard& shard, const std::string& configJson,
                            const std::vector<std::string>& allTaskIds) {
  json j = json::parse(tasksJson);
  j["shard"] = {{"index", shard.index}, {"count", shard.count}};
  j["config"] = json::parse(configJson);
  j["all_tasks"] = allTaskIds;
  return j.dump(1);
}

Result<std::string> mergeShardReports(const std::vector<std::string>& names, const std::vector<std::string>& texts) {
  if (texts.empty()) return makeError(ErrorCode::BadArgument, "merge --mutation: no shard reports given");
  std::vector<json> reports;
  std::map<int, std::string> byIndex;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    json j = json::parse(texts[i], nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("shard") || !j.contains("tasks") || !j.contains("config") ||
        !j.contains("all_tasks"))
      return makeError(ErrorCode::Parse, names[i] + ": not a shard report of `rtlarena mutate --shard I/N --json`");
    auto shard = shardFromJson(j["shard"].dump());
    if (!shard) return makeError(ErrorCode::Parse, names[i] + ": " + shard.error().message);
    const json& first = reports.empty() ? j : reports.front();
    if (j["config"] != first["config"] || j["all_tasks"] != first["all_tasks"])
      return makeError(ErrorCode::BadArgument, names[i] + ": not the same analysis as " + names[0] + " (settings " +
                                                   j["config"].dump() + " vs " + first["config"].dump() + ")");
    if (shard->count != first["shard"]["count"].get<int>())
      return makeError(ErrorCode::BadArgument, names[i] + ": shard " + shardName(*shard) + ", but " + names[0] +
                                                   " is of " + std::to_string(first["shard"]["count"].get<int>()));
    if (auto [it, fresh] = byIndex.emplace(shard->index, names[i]); !fresh)
      return makeError(ErrorCode::BadArgument, "shard " + shardName(*shard) + " given twice: " + it->second + " and " + names[i]);
    for (auto it = j["tasks"].begin(); it != j["tasks"].end(); ++it)
      if (!owns(*shard, it.key(), 0))
        return makeError(ErrorCode::BadArgument, names[i] + " (shard " + shardName(*shard) + ") holds task " + it.key() +
                                                     ", which shard " + std::to_string(shardOf(it.key(), 0, shard->count)) +
                                                     " owns");
    reports.push_back(std::move(j));
  }
  const int count = reports.front()["shard"]["count"].get<int>();
  for (int i = 1; i <= count; ++i)
    if (!byIndex.count(i))
      return makeError(ErrorCode::BadArgument, "shard " + shardName({i, count}) + " is missing: give all " +
                                                   std::to_string(count) + " shard reports");
  json tasks = json::object();
  for (const auto& r : reports)
    for (auto it = r["tasks"].begin(); it != r["tasks"].end(); ++it) tasks[it.key()] = it.value();
  for (const auto& id : reports.front()["all_tasks"])
    if (!tasks.contains(id.get<std::string>()))
      return makeError(ErrorCode::BadArgument, "task " + id.get<std::string>() + " is in no shard report");
  return json{{"tasks", tasks}}.dump();  // as `mutate --json` prints it
}

}  // namespace rtlarena::mutate
