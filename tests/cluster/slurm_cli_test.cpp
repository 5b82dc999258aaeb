// `rtlarena slurm run|fuzz|mutate` without a cluster: bad command flags are refused before
// anything is written or submitted (exit 2); a cluster that cannot be reached is named with
// sbatch's own reason (exit 4).
#include <gtest/gtest.h>

#include <filesystem>
#include <tuple>

#include "rtlarena/core/files.h"
#include "rtlarena/core/process.h"

namespace rtlarena {
namespace {

namespace fs = std::filesystem;

// A cluster whose controller is not there: port 9 (discard) on loopback answers nothing.
std::string unreachableCluster(const fs::path& dir) {
  const std::string conf = (dir / "slurm.conf").string();
  EXPECT_TRUE(writeFile(conf,
                        "ClusterName=none\nSlurmctldHost=nohost(127.0.0.1)\nSlurmctldPort=9\nAuthType=auth/munge\n"
                        "NodeName=nohost CPUs=1\nPartitionName=p Nodes=nohost Default=YES\n")
                  .ok());
  return conf;
}

ProcessResult slurmRun(const std::string& out, std::vector<std::string> runFlags, const std::string& command = "run") {
  ProcessSpec spec;
  spec.argv = {RTLARENA_BINARY, "slurm", command, "--array", "2", "--out", out};
  spec.argv.insert(spec.argv.end(), runFlags.begin(), runFlags.end());
  spec.workDir = "/tmp";
  spec.env = defaultToolEnv("/tmp");
  spec.env["SLURM_CONF"] = unreachableCluster(fs::path(out).parent_path());  // whatever this machine has
  spec.deadline = std::chrono::milliseconds(60000);
  auto r = runProcess(spec);
  EXPECT_TRUE(r.ok());
  return r.ok() ? *r : ProcessResult{};
}

TEST(SlurmCli, BadRunFlagsAreRefusedBeforeAnythingIsSubmitted) {
  auto tmp = TempDir::create("slurm-cli");
  ASSERT_TRUE(tmp.ok());
  for (const auto& [flags, named] : std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"--suite", "core", "--samlpes", "2"}, "--samlpes"},
           {{"--suite", "core", "-n", "0"}, "--samples: Value 0 not in range"},
           {{"--suite", "core", "--shard", "1/2"}, "--shard"}}) {
    const std::string out = (tmp->path() / "x").string();
    auto r = slurmRun(out, flags);
    EXPECT_EQ(r.exitCode, 2) << named << ": " << r.err;
    EXPECT_NE(r.err.find(named), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out)) << "nothing is written for refused flags";
  }
}

TEST(SlurmCli, BadFuzzAndMutateFlagsAreRefusedBeforeAnythingIsSubmitted) {
  auto tmp = TempDir::create("slurm-cli");
  ASSERT_TRUE(tmp.ok());
  for (const auto& [command, flags, named] : std::vector<std::tuple<std::string, std::vector<std::string>, std::string>>{
           {"fuzz", {"--core", "mc", "--sedes", "1-2", "--tests", "10"}, "--sedes"},
           {"fuzz", {"--core", "mc", "--seeds", "1-2", "--shard", "1/2"}, "the fuzz flag --shard"},
           {"fuzz", {"--core", "mc", "--seeds", "1-2", "--time", "10m"}, "--time 10m is sbatch's time limit"},
           {"mutate", {"--suite", "core", "--mutants", "0"}, "--mutants"},
           {"mutate", {"--suite", "core", "--json"}, "the mutate flag --json"}}) {
    const std::string out = (tmp->path() / "x").string();
    auto r = slurmRun(out, flags, command);
    EXPECT_EQ(r.exitCode, 2) << command << " " << named << ": " << r.err;
    EXPECT_NE(r.err.find(named), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out)) << "nothing is written for refused flags";
  }
}

TEST(SlurmCli, AnUnreachableClusterIsAnEnvironmentErrorNamingSbatch) {
  auto tmp = TempDir::create("slurm-cli");
  ASSERT_TRUE(tmp.ok());
  auto r = slurmRun((tmp->path() / "x").string(), {"--suite", "core", "--task", "popcount8"});
  EXPECT_EQ(r.exitCode, 4) << r.err;
  EXPECT_NE(r.err.find("sbatch"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "one line: " << r.err;
}

}  // namespace
}  // namespace rtlarena
