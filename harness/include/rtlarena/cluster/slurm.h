// Running sharded rtlarena commands as Slurm job arrays: the batch script (kept in the output
// folder, readable and resubmittable by hand), submission with sbatch, following with
// squeue/scontrol (sacct when accounting answers), resubmission of failed array indices. What
// an index runs and how its exit code is read are the job's parameters (SlurmArrayJob), so
// `slurm run`, `slurm fuzz` and `slurm mutate` share one follower; each merges its shards its
// own way once every index is done (`slurm run`'s merge is here: runOnSlurm).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/run/summary.h"

namespace rtlarena {

/// Where and how an array job runs, whatever its command.
struct SlurmSettings {
  std::string outDir;          ///< shards in OUT/shards/I, script and logs in OUT/slurm
  int arrayTasks = 1;          ///< N: shards and array indices 1..N
  std::string partition;       ///< sbatch --partition (empty: the cluster's default)
  std::string time;            ///< sbatch --time (empty: the partition's default)
  int cpusPerTask = 1;         ///< sbatch --cpus-per-task; also the command's -j unless given
  int maxRetries = 2;          ///< resubmissions of one index before giving up
  double pollSeconds = 5;      ///< between squeue calls
  std::string rtlarenaBinary;  ///< what the job runs (the nodes must see this path)
};

/// One array job: index I runs `rtlarena COMMAND ARGS... INDEXARGS...` where "{i}" in an
/// index argument stands for I.
struct SlurmArrayJob {
  SlurmSettings slurm;
  std::string command;                 ///< "run", "fuzz", "mutate": also the script's name
  std::vector<std::string> args;       ///< the user's flags, quoted as given
  std::vector<std::string> indexArgs;  ///< added by us, e.g. {"--shard", "{i}/4"}
  std::string stdoutFile;              ///< when set, the index's stdout goes there ("{i}" as above)
  std::string what;                    ///< for the script's header: "shard I/N of one benchmark run"
  std::string mergeHint;               ///< for the script's header: how to merge by hand
  std::set<int> finishedCodes = {0};   ///< exit codes of an index that did its work
  std::set<int> refusedCodes = {2, 3}; ///< the command refused its flags or input: never resubmitted
  std::set<int> acceptedAfterRetries;  ///< codes taken as final once the retries are spent
};

/// The sbatch script of `job`.
std::string slurmArrayScript(const SlurmArrayJob& job);

/// Writes the script to OUT/slurm/COMMAND.sbatch, submits every index, follows the job,
/// resubmits indices that ended without finishing (up to maxRetries each). Ok once every
/// index finished. An index whose command refused its input is not resubmitted: the error
/// names its log. Progress lines go to stderr.
Status runArrayOnSlurm(const SlurmArrayJob& job);

/// Checks that `args` give none of `owned`, the flags the sharded job sets itself;
/// BadArgument naming the flag and `why` otherwise.
Status checkShardableArgs(const std::string& command, const std::vector<std::string>& args,
                          const std::vector<std::pair<std::string, std::string>>& owned);

struct SlurmRunOptions : SlurmSettings {
  std::vector<std::string> runArgs;  ///< `rtlarena run` flags, without --out and --shard
};

/// The array job of a sharded `rtlarena run`: index I runs shard I/N into OUT/shards/I.
SlurmArrayJob slurmRunJob(const SlurmRunOptions& options);

/// The sbatch script for `options`: one array index is one shard of the run.
std::string slurmRunScript(const SlurmRunOptions& options);

/// Checks the run flags a sharded job can be given (no --out, --shard, --json); BadArgument
/// naming the flag otherwise.
Status checkShardableRunArgs(const std::vector<std::string>& runArgs);

/// runArrayOnSlurm(slurmRunJob(options)), then merges the shards into `outDir`.
Result<RunSummary> runOnSlurm(const SlurmRunOptions& options);

}  // namespace rtlarena
