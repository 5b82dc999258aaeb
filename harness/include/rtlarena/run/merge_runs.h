// Joining the stores of a sharded run (`rtlarena run --shard I/N`) into one store, whose summary
// is the single-machine run's. Before anything is written the shards are checked: one run
// configuration (and tool versions, and revision), every shard 1..N given once, every row in
// the shard that owns it, every (task, sample) present.
#pragma once

#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/run/summary.h"

namespace rtlarena {

/// Merges the shard run folders `shardDirs` into a new store in `outDir` (which must hold no
/// results.sqlite yet) and returns its summary. Nothing is left in `outDir` on failure.
/// BadArgument for shards that do not belong together (configuration, count, duplicates,
/// missing shards), NotFound for a folder without a run, Parse for a damaged shard record.
Result<RunSummary> mergeRuns(const std::vector<std::string>& shardDirs, const std::string& outDir);

}  // namespace rtlarena
