// A core as the fuzzer sees it: the core.json beside its wrapper (docs/CORE_ADAPTER.md),
// which gives the Verilog sources, the wrapper name, defines, reset state and the
// tolerances the ISA model needs; and the bug catalogue it points to.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/fuzz/isa_options.h"

namespace rtlarena::fuzz {

struct CoreConfig {
  std::string name;
  std::string description;
  std::string wrapper = "rtlarena_dut";
  std::filesystem::path file;  ///< the core.json, absolute
  std::vector<std::filesystem::path> sources;      ///< absolute
  std::vector<std::filesystem::path> includeDirs;  ///< absolute
  std::map<std::string, std::string> defines;
  std::vector<std::string> verilatorFlags;  ///< extra flags ("verilator_flags")
  IsaOptions isa;
  bool regsReset = true;          ///< reset clears x1..x31 (else the frame zeroes them)
  bool coherentSelfModifying = true;
  unsigned resetCycles = 2;
  std::filesystem::path bugsFile;  ///< empty when the core has no catalogue
  std::vector<std::string> deviations;  ///< documented deviations, for reports
};

/// A core.json from a --core argument: a file, a folder holding core.json, or the name of
/// one of our cores (designs/riscv/<name>/core.json).
Result<std::filesystem::path> resolveCoreConfig(const std::string& ref);

/// Reads a core.json. Errors name the file and the field.
Result<CoreConfig> loadCoreConfig(const std::filesystem::path& file);

/// One catalogued bug: compiled in by defining `define` (RTLARENA_BUG_<ID>).
struct BugInfo {
  std::string id;
  std::string core;
  std::string define;
  std::string description;
  std::string cls;  ///< the bug class, when the catalogue gives one
  std::string depth;
  std::filesystem::path program;  ///< its directed self-check program, absolute (may be empty)
};

/// The bugs of `core` in a bug catalogue (bugs.json); all bugs when `core` is empty.
Result<std::vector<BugInfo>> loadBugCatalogue(const std::filesystem::path& file,
                                              const std::string& core = {});

/// Finds a bug by id (case-insensitive; the RTLARENA_BUG_ prefix is optional).
Result<BugInfo> findBug(const CoreConfig& core, const std::string& id);

}  // namespace rtlarena::fuzz
