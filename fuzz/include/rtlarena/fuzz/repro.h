// Reproducers: one JSON file per unique mismatch holding everything `rtlarena fuzz replay`
// needs to rebuild the same DUT (core, bug, defines, coverage) and rerun the same program,
// plus the first divergent retirement (expected vs actual) for humans.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/fuzz/lockstep.h"
#include "rtlarena/fuzz/program.h"

namespace rtlarena::fuzz {

struct Reproducer {
  std::string core;
  std::string coreConfig;  ///< relative to the project root when inside it
  std::string bug;
  std::map<std::string, std::string> defines;  ///< extra defines (not the bug's)
  std::vector<std::string> plusargs;
  std::vector<std::string> sourcesOverride;
  std::string coverage = "line";
  std::string algo;
  uint64_t seed = 0;
  uint64_t test = 0;
  std::string signature;
  /// The program ends at the first ecall with a7 = 93 (calibration probes, which take traps
  /// through the frame's handler), not at the first ecall or ebreak.
  bool selfCheckExit = false;
  Program program;
  Divergence divergence;
};

Status writeReproducer(const std::filesystem::path& file, const Reproducer& r);
Result<Reproducer> readReproducer(const std::filesystem::path& file);

/// The core.json path as stored: relative to the project root when it lies inside it.
std::string portablePath(const std::filesystem::path& p);
/// The inverse: relative paths are taken from the project root.
std::filesystem::path resolvePortable(const std::string& p);

}  // namespace rtlarena::fuzz
