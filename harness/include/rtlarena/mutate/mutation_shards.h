// Mutation analysis split over machines: `rtlarena mutate --shard I/N --json` analyses the tasks
// whose (task, 0) pair shard I owns (run/shard.h) and says so in its report; `rtlarena merge
// --mutation` joins the reports into the one an unsharded `mutate --json` prints.
#pragma once

#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/run/shard.h"

namespace rtlarena::mutate {

/// A shard's report: `tasksJson` (mutationJson's object) plus the shard, the settings that
/// decide the results (`configJson`, an object) and every task id of the whole analysis.
std::string shardReportJson(const std::string& tasksJson, const Shard& shard, const std::string& configJson,
                            const std::vector<std::string>& allTaskIds);

/// Joins shard reports (file contents, named by `names` in messages) into mutationJson's shape.
/// BadArgument when they are not one analysis: other settings, a shard missing or given twice,
/// a task in the wrong shard or missing; Parse for a file that is not a shard report.
Result<std::string> mergeShardReports(const std::vector<std::string>& names, const std::vector<std::string>& texts);

}  // namespace rtlarena::mutate
