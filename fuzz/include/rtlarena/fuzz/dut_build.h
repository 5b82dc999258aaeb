// Builds a core's wrapper into a loadable shared object: Verilator (with the chosen coverage
// instrumentation and bug defines) plus the C-ABI shim testbenches/riscv/dut_shim.cpp,
// compiled against Verilator runtime objects that are themselves built once. Results are
// cached under a directory keyed by the hash of everything that goes in, so a second
// campaign on the same core, bug and coverage starts in milliseconds.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/fuzz/core_config.h"

namespace rtlarena::fuzz {

struct CoverageKinds {
  bool line = true;     ///< Verilator --coverage-line (statement blocks and branches)
  bool toggle = false;  ///< Verilator --coverage-toggle on the core (not the wrapper memory)
  bool any() const { return line || toggle; }
};

/// Parses "line", "line,toggle", "toggle", "none".
Result<CoverageKinds> parseCoverageKinds(const std::string& text);
std::string coverageKindsName(const CoverageKinds& kinds);

struct DutBuildSpec {
  CoreConfig core;
  std::map<std::string, std::string> extraDefines;  ///< e.g. the bug's RTLARENA_BUG_<ID>
  /// Sources that replace the core's own (bug injection: the mutated netlist and its
  /// shell); empty = the core.json sources.
  std::vector<std::filesystem::path> sourcesOverride;
  CoverageKinds coverage;
  std::filesystem::path cacheDir;  ///< empty = defaultDutCacheDir()
  std::chrono::seconds deadline{1200};
  unsigned jobs = 2;
  std::function<void(const std::string&)> log;  ///< progress lines; may be empty
};

/// One coverage counter as Verilator describes it.
struct CoverPoint {
  std::string kind;  ///< "line", "branch", "toggle"
  std::string file;  ///< base name of the source
  int line = 0;
  std::string comment;  ///< Verilator's: "if", "else", "block", a signal bit
};

struct DutArtifact {
  std::string key;                  ///< the cache key (hex)
  std::filesystem::path dir;        ///< cache entry
  std::filesystem::path sharedObject;
  bool fromCache = false;
  double buildSeconds = 0;
  std::vector<CoverPoint> points;   ///< index = counter index
};

/// $RTLARENA_CACHE/duts, else $XDG_CACHE_HOME/rtlarena/duts, else ~/.cache/rtlarena/duts.
std::filesystem::path defaultDutCacheDir();

/// Builds (or finds in the cache) the DUT. Error when a tool is missing or fails; the
/// message then carries the tail of the tool's log.
Result<DutArtifact> buildDut(const DutBuildSpec& spec);

}  // namespace rtlarena::fuzz
