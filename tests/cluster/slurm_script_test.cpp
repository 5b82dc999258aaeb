// The sbatch script of `rtlarena slurm run`: one shard per array index, the user's run flags
// quoted as given, the exit code written last; run flags that would break sharding refused.
#include <gtest/gtest.h>

#include "rtlarena/cluster/slurm.h"

namespace rtlarena {
namespace {

SlurmRunOptions options() {
  SlurmRunOptions o;
  o.runArgs = {"--suite", "core", "--model", "reference", "--task", "it's odd"};
  o.outDir = "/data/runs/x";
  o.arrayTasks = 4;
  o.rtlarenaBinary = "/opt/rtlarena/bin/rtlarena";
  o.cpusPerTask = 2;
  return o;
}

TEST(SlurmScript, OneShardPerArrayIndexWithItsOwnFolder) {
  const std::string s = slurmRunScript(options());
  EXPECT_EQ(s.rfind("#!/bin/bash\n", 0), 0u);
  EXPECT_NE(s.find("#SBATCH --array=1-4\n"), std::string::npos) << s;
  EXPECT_NE(s.find("#SBATCH --cpus-per-task=2\n"), std::string::npos);
  EXPECT_NE(s.find("#SBATCH --output=/data/runs/x/slurm/logs/%A_%a.out\n"), std::string::npos);
  EXPECT_NE(s.find("'/opt/rtlarena/bin/rtlarena' run '--suite' 'core'"), std::string::npos) << s;
  EXPECT_NE(s.find("--shard \"$i/4\" --out \"/data/runs/x/shards/$i\""), std::string::npos) << s;
  EXPECT_NE(s.find(" -j 2 "), std::string::npos) << s;
  // The exit code is the last thing written: a killed task leaves none.
  EXPECT_LT(s.find("rm -f \"$status\""), s.find("run '--suite'"));
  EXPECT_GT(s.find("echo \"$rc\" > \"$status\""), s.find("run '--suite'"));
}

TEST(SlurmScript, QuotesFlagsSoBashPassesThemUnchanged) {
  const std::string s = slurmRunScript(options());
  EXPECT_NE(s.find("'--task' 'it'\\''s odd'"), std::string::npos) << s;
}

TEST(SlurmScript, PartitionAndTimeOnlyWhenGivenAndJobsFlagWins) {
  auto o = options();
  EXPECT_EQ(slurmRunScript(o).find("--partition"), std::string::npos);
  EXPECT_EQ(slurmRunScript(o).find("--time"), std::string::npos);
  o.partition = "gpu";
  o.time = "1:00:00";
  o.runArgs.push_back("-j8");
  const std::string s = slurmRunScript(o);
  EXPECT_NE(s.find("#SBATCH --partition=gpu\n"), std::string::npos);
  EXPECT_NE(s.find("#SBATCH --time=1:00:00\n"), std::string::npos);
  EXPECT_EQ(s.find(" -j 2 "), std::string::npos) << s;
}

TEST(SlurmScript, RefusesRunFlagsThatShardingOwns) {
  EXPECT_TRUE(checkShardableRunArgs({"--suite", "core", "-n", "3"}).ok());
  for (auto args : std::vector<std::vector<std::string>>{{"--out", "x"}, {"--shard=1/2"}, {"--json"}}) {
    auto s = checkShardableRunArgs(args);
    ASSERT_FALSE(s.ok()) << args[0];
    EXPECT_EQ(s.error().code, ErrorCode::BadArgument);
    EXPECT_NE(s.error().message.find(args[0].substr(0, args[0].find('='))), std::string::npos) << s.error().message;
  }
}

TEST(SlurmScript, ArrayJobsRunTheirCommandWithTheIndexInOurArgumentsOnly) {
  SlurmArrayJob job;
  job.slurm = options();
  job.command = "mutate";
  job.args = {"--suite", "core", "--task", "$i"};  // the user's: taken literally
  job.indexArgs = {"--json", "--shard", "{i}/4"};
  job.stdoutFile = "/data/runs/my x/shards/{i}.json";
  job.what = "shard I/4 of one mutation analysis";
  job.mergeHint = "rtlarena merge --mutation ...";
  const std::string s = slurmArrayScript(job);
  EXPECT_NE(s.find("#SBATCH --job-name=rtlarena-mutate\n"), std::string::npos) << s;
  EXPECT_NE(s.find("'/opt/rtlarena/bin/rtlarena' mutate '--suite' 'core' '--task' '$i' --json --shard \"$i/4\" > "
                   "\"/data/runs/my x/shards/$i.json\"\n"),
            std::string::npos)
      << s;
  EXPECT_NE(s.find("sbatch --array=3 /data/runs/x/slurm/mutate.sbatch"), std::string::npos) << s;
  EXPECT_NE(s.find("# Merge by hand:        rtlarena merge --mutation ..."), std::string::npos) << s;
  EXPECT_EQ(s.find(" -j "), std::string::npos) << "only `run`'s job adds -j: " << s;
  EXPECT_GT(s.find("echo \"$rc\" > \"$status\""), s.find(" mutate "));
}

TEST(SlurmScript, FlagsAJobOwnsAreRefusedNamingTheCommand) {
  auto s = checkShardableArgs("fuzz", {"--core", "mc", "--shard=1/2"}, {{"--shard", "each array index is one shard"}});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "slurm fuzz: the fuzz flag --shard cannot be given: each array index is one shard");
  EXPECT_TRUE(checkShardableArgs("fuzz", {"--core", "mc", "--seeds", "1-3"}, {{"--shard", "x"}}).ok());
}

}  // namespace
}  // namespace rtlarena
