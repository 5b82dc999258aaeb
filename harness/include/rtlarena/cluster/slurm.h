// Running a sharded `rtlarena run` as a Slurm job array: the batch script (kept in the output
// folder, readable and resubmittable by hand), submission with sbatch, following with
// squeue/scontrol (sacct when accounting answers), resubmission of failed array indices, and
// the merge of the shards when all are done.
#pragma once

#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/run/summary.h"

namespace rtlarena {

struct SlurmRunOptions {
  std::vector<std::string> runArgs;  ///< `rtlarena run` flags, without --out and --shard
  std::string outDir;                ///< shards in OUT/shards/I, script and logs in OUT/slurm, merged store in OUT
  int arrayTasks = 1;                ///< N: shards and array indices 1..N
  std::string partition;             ///< sbatch --partition (empty: the cluster's default)
  std::string time;                  ///< sbatch --time (empty: the partition's default)
  int cpusPerTask = 1;               ///< sbatch --cpus-per-task; also the run's -j unless given
  int maxRetries = 2;                ///< resubmissions of one index before giving up
  double pollSeconds = 5;            ///< between squeue calls
  std::string rtlarenaBinary;        ///< what the job runs (the nodes must see this path)
};

/// The sbatch script for `options`: one array index is one shard of the run.
std::string slurmRunScript(const SlurmRunOptions& options);

/// Checks the run flags a sharded job can be given (no --out, --shard, --json); BadArgument
/// naming the flag otherwise.
Status checkShardableRunArgs(const std::vector<std::string>& runArgs);

/// Writes the script, submits it, follows the job, resubmits indices that ended without
/// finishing (up to maxRetries each), and merges the shards into `outDir`. An index whose run
/// rejected its input (exit 2 or 3) is not resubmitted: the error names its log.
/// Progress lines go to stderr.
Result<RunSummary> runOnSlurm(const SlurmRunOptions& options);

}  // namespace rtlarena
