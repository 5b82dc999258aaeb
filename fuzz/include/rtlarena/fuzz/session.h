// Everything needed to run tests on one core, opened in one call: the core config, the bug
// (as a define), the built and loaded DUT, the memory layout and a Runner. Shared by
// `rtlarena fuzz`, `fuzz replay`, `fuzz inject`, the tests and the benchmark.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rtlarena/fuzz/core_config.h"
#include "rtlarena/fuzz/dut.h"
#include "rtlarena/fuzz/dut_build.h"
#include "rtlarena/fuzz/program.h"
#include "rtlarena/fuzz/runner.h"

namespace rtlarena::fuzz {

struct SessionSpec {
  std::filesystem::path coreConfig;
  std::string bug;  ///< catalogue id, or empty
  std::map<std::string, std::string> extraDefines;
  std::vector<std::filesystem::path> sourcesOverride;
  std::vector<std::string> plusargs;
  CoverageKinds coverage;
  std::filesystem::path cacheDir;
  RunnerOptions runner;
  std::function<void(const std::string&)> log;
};

struct Session {
  CoreConfig core;
  std::optional<BugInfo> bug;
  std::map<std::string, std::string> defines;  ///< the bug's and the extra ones
  DutArtifact artifact;
  std::unique_ptr<Dut> dut;
  Layout layout;
  std::unique_ptr<Runner> runner;
};

Result<std::unique_ptr<Session>> openSession(const SessionSpec& spec);

}  // namespace rtlarena::fuzz
