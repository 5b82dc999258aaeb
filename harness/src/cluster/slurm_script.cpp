// The sbatch script of a sharded run (see slurm.h). It is written for people too: the header
// says how to resubmit one index and how to merge by hand, and every path in it is absolute.
#include <set>

#include "rtlarena/cluster/slurm.h"

namespace rtlarena {

namespace {

// Single-quoted for bash: the only character that needs care inside is the quote itself.
std::string shellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

bool hasFlag(const std::vector<std::string>& args, std::initializer_list<const char*> names) {
  for (const auto& a : args)
    for (const char* n : names)
      if (a == n || a.rfind(std::string(n) + "=", 0) == 0 ||
          (std::string(n).size() == 2 && a.size() > 2 && a.rfind(n, 0) == 0 && a[1] != '-'))
        return true;
  return false;
}

}  // namespace

Status checkShardableRunArgs(const std::vector<std::string>& runArgs) {
  for (const auto& [flag, why] : {std::pair{"--out", "the shards' folders are OUT/shards/I (give --out to slurm run)"},
                                  {"--shard", "each array index is one shard"},
                                  {"--json", "give --json to slurm run"}})
    if (hasFlag(runArgs, {flag}))
      return makeError(ErrorCode::BadArgument, std::string("slurm run: the run flag ") + flag + " cannot be given: " + why);
  return Ok{};
}

std::string slurmRunScript(const SlurmRunOptions& o) {
  const std::string n = std::to_string(o.arrayTasks);
  const std::string slurmDir = o.outDir + "/slurm";
  std::string s = "#!/bin/bash\n";
  s += "# Written by `rtlarena slurm run`: array index I runs shard I/" + n + " of one benchmark run into\n";
  s += "# " + o.outDir + "/shards/I; the exit code lands in " + slurmDir + "/status/I.exit.\n";
  s += "# Resubmit everything:  sbatch --array=1-" + n + " " + slurmDir + "/run.sbatch\n";
  s += "# Resubmit index 3:     sbatch --array=3 " + slurmDir + "/run.sbatch   (a shard resumes where it stopped)\n";
  s += "# Merge by hand:        " + o.rtlarenaBinary + " merge";
  for (int i = 1; i <= o.arrayTasks && i <= 3; ++i) s += " " + o.outDir + "/shards/" + std::to_string(i);
  s += o.arrayTasks > 3 ? " ... --out NEWDIR\n" : " --out NEWDIR\n";
  s += "#SBATCH --job-name=rtlarena-run\n";
  s += "#SBATCH --array=1-" + n + "\n";
  s += "#SBATCH --output=" + slurmDir + "/logs/%A_%a.out\n";
  s += "#SBATCH --cpus-per-task=" + std::to_string(o.cpusPerTask) + "\n";
  if (!o.partition.empty()) s += "#SBATCH --partition=" + o.partition + "\n";
  if (!o.time.empty()) s += "#SBATCH --time=" + o.time + "\n";
  s += "set -u\n";
  s += "i=$SLURM_ARRAY_TASK_ID\n";
  s += "status=" + shellQuote(slurmDir + "/status") + "/$i.exit\n";
  s += "rm -f \"$status\"\n";
  s += shellQuote(o.rtlarenaBinary) + " run";
  for (const auto& a : o.runArgs) s += " " + shellQuote(a);
  if (!hasFlag(o.runArgs, {"-j", "--jobs"})) s += " -j " + std::to_string(o.cpusPerTask);
  s += " --shard \"$i/" + n + "\" --out " + shellQuote(o.outDir + "/shards") + "/\"$i\" --no-progress\n";
  s += "rc=$?\n";
  s += "echo \"$rc\" > \"$status\"\n";
  s += "exit \"$rc\"\n";
  return s;
}

}  // namespace rtlarena
