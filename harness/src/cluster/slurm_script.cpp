// The sbatch script of a sharded command (see slurm.h). It is written for people too: the
// header says what each index runs, how to resubmit one index and how to merge by hand, and
// every path in it is absolute.
#include "rtlarena/cluster/slurm.h"

namespace rtlarena {

namespace {

// Single-quoted for bash: the only character that needs care inside is the quote itself.
std::string shellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

bool plainWord(const std::string& s) {
  return !s.empty() && s.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./=,:-") ==
                           std::string::npos;
}

// An argument of ours: bare when plain; "{i}" becomes the index, inside double quotes.
std::string indexWord(const std::string& s) {
  if (s.find("{i}") == std::string::npos) return plainWord(s) ? s : shellQuote(s);
  std::string out = "\"";
  for (std::size_t at = 0; at < s.size();) {
    if (s.compare(at, 3, "{i}") == 0) {
      out += "$i";
      at += 3;
      continue;
    }
    if (s[at] == '"' || s[at] == '\\' || s[at] == '$' || s[at] == '`') out += '\\';
    out += s[at++];
  }
  return out + "\"";
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

Status checkShardableArgs(const std::string& command, const std::vector<std::string>& args,
                          const std::vector<std::pair<std::string, std::string>>& owned) {
  for (const auto& [flag, why] : owned)
    if (hasFlag(args, {flag.c_str()}))
      return makeError(ErrorCode::BadArgument, "slurm " + command + ": the " + command + " flag " + flag + " cannot be given: " + why);
  return Ok{};
}

Status checkShardableRunArgs(const std::vector<std::string>& runArgs) {
  return checkShardableArgs("run", runArgs,
                            {{"--out", "the shards' folders are OUT/shards/I (give --out to slurm run)"},
                             {"--shard", "each array index is one shard"},
                             {"--json", "give --json to slurm run"}});
}

std::string slurmArrayScript(const SlurmArrayJob& job) {
  const SlurmSettings& o = job.slurm;
  const std::string n = std::to_string(o.arrayTasks);
  const std::string slurmDir = o.outDir + "/slurm";
  const std::string script = slurmDir + "/" + job.command + ".sbatch";
  std::string s = "#!/bin/bash\n";
  s += "# Written by `rtlarena slurm " + job.command + "`: array index I runs " + job.what + ";\n";
  s += "# the exit code lands in " + slurmDir + "/status/I.exit.\n";
  s += "# Resubmit everything:  sbatch --array=1-" + n + " " + script + "\n";
  s += "# Resubmit index 3:     sbatch --array=3 " + script + "   (a shard resumes where it stopped)\n";
  if (!job.mergeHint.empty()) s += "# Merge by hand:        " + job.mergeHint + "\n";
  s += "#SBATCH --job-name=rtlarena-" + job.command + "\n";
  s += "#SBATCH --array=1-" + n + "\n";
  s += "#SBATCH --output=" + slurmDir + "/logs/%A_%a.out\n";
  s += "#SBATCH --cpus-per-task=" + std::to_string(o.cpusPerTask) + "\n";
  if (!o.partition.empty()) s += "#SBATCH --partition=" + o.partition + "\n";
  if (!o.time.empty()) s += "#SBATCH --time=" + o.time + "\n";
  s += "set -u\n";
  s += "i=$SLURM_ARRAY_TASK_ID\n";
  s += "status=" + shellQuote(slurmDir + "/status") + "/$i.exit\n";
  s += "rm -f \"$status\"\n";
  s += shellQuote(o.rtlarenaBinary) + " " + job.command;
  for (const auto& a : job.args) s += " " + shellQuote(a);
  for (const auto& a : job.indexArgs) s += " " + indexWord(a);
  if (!job.stdoutFile.empty()) s += " > " + indexWord(job.stdoutFile);
  s += "\nrc=$?\n";
  s += "echo \"$rc\" > \"$status\"\n";
  s += "exit \"$rc\"\n";
  return s;
}

SlurmArrayJob slurmRunJob(const SlurmRunOptions& o) {
  SlurmArrayJob job;
  job.slurm = o;
  job.command = "run";
  job.args = o.runArgs;
  if (!hasFlag(o.runArgs, {"-j", "--jobs"})) job.indexArgs = {"-j", std::to_string(o.cpusPerTask)};
  const std::string n = std::to_string(o.arrayTasks);
  for (const std::string& a : {std::string("--shard"), "{i}/" + n, std::string("--out"), o.outDir + "/shards/{i}",
                               std::string("--no-progress")})
    job.indexArgs.push_back(a);
  job.what = "shard I/" + n + " of one benchmark run into\n# " + o.outDir + "/shards/I";
  job.mergeHint = o.rtlarenaBinary + " merge";
  for (int i = 1; i <= o.arrayTasks && i <= 3; ++i) job.mergeHint += " " + o.outDir + "/shards/" + std::to_string(i);
  job.mergeHint += o.arrayTasks > 3 ? " ... --out NEWDIR" : " --out NEWDIR";
  job.acceptedAfterRetries = {6};  // finished, some samples incomplete: merged as such
  return job;
}

std::string slurmRunScript(const SlurmRunOptions& o) { return slurmArrayScript(slurmRunJob(o)); }

}  // namespace rtlarena
