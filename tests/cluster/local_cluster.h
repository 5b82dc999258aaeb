// Test helpers for the single-node Slurm cluster of scripts/slurm_local.sh: a cluster that
// lives as long as a LocalCluster object, whatever the test's outcome, and running a tool with
// the cluster's environment.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "rtlarena/core/process.h"

namespace rtlarena {

inline ProcessResult runTool(std::vector<std::string> argv, const std::map<std::string, std::string>& env, int seconds) {
  ProcessSpec spec;
  spec.argv = std::move(argv);
  spec.workDir = "/tmp";
  spec.env = env;
  spec.deadline = std::chrono::milliseconds(seconds * 1000);
  spec.limits.openFiles = 1024;
  auto r = runProcess(spec);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? *r : ProcessResult{};
}

class LocalCluster {
 public:
  explicit LocalCluster(std::filesystem::path dir) : dir_(std::move(dir)) {
    auto r = runTool({script(), "start", dir_.string()}, defaultToolEnv("/tmp"), 120);
    startLog_ = r.out + r.err;
    if (r.exitCode == 0) env_["SLURM_CONF"] = (dir_ / "slurm.conf").string();
  }
  ~LocalCluster() { runTool({script(), "stop", dir_.string()}, defaultToolEnv("/tmp"), 60); }
  LocalCluster(const LocalCluster&) = delete;
  LocalCluster& operator=(const LocalCluster&) = delete;
  bool up() const { return env_.count("SLURM_CONF") > 0; }
  const std::string& startLog() const { return startLog_; }
  std::map<std::string, std::string> env() const {
    auto e = defaultToolEnv("/tmp");
    e.insert(env_.begin(), env_.end());
    return e;
  }

 private:
  static std::string script() { return std::string(RTLARENA_SOURCE_DIR) + "/scripts/slurm_local.sh"; }
  std::filesystem::path dir_;
  std::string startLog_;
  std::map<std::string, std::string> env_;
};

}  // namespace rtlarena
