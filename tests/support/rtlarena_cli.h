// The built rtlarena binary run as a user runs it, for the tests of the command line.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "rtlarena/core/process.h"

namespace rtlarena::test_support {

struct CliCall {
  CliCall() = default;
  CliCall(std::filesystem::path dir, std::map<std::string, std::string> extraEnv = {})
      : cwd(std::move(dir)), env(std::move(extraEnv)) {}

  std::filesystem::path cwd = "/tmp";
  std::map<std::string, std::string> env;  ///< added to the tools' usual environment
  std::chrono::milliseconds deadline{600000};
  size_t outputCap = 4 << 20;
};

/// `rtlarena ARGS...` in `call.cwd`; a failure to start it fails the test.
inline ProcessResult runRtlarena(const std::vector<std::string>& args, const CliCall& call = {}) {
  ProcessSpec spec;
  spec.argv = {RTLARENA_BINARY};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.workDir = call.cwd.string();
  spec.env = defaultToolEnv(spec.workDir);
  for (const auto& [k, v] : call.env) spec.env[k] = v;
  spec.deadline = call.deadline;
  spec.outputCap = call.outputCap;
  auto r = runProcess(spec);
  EXPECT_TRUE(r.ok());
  return r.ok() ? *r : ProcessResult{};
}

}  // namespace rtlarena::test_support
