// Paths shared by the fuzzer tests that build real cores: the source tree, the DUT cache under
// the build tree (one per build, shared by every test binary), and our cores' configs.
#pragma once

#include <filesystem>
#include <string>

namespace rtlarena::fuzz::test_paths {

inline const std::filesystem::path kRoot = RTLARENA_SOURCE_DIR;
inline const std::filesystem::path kCache = RTLARENA_FUZZ_CACHE;
/// What the CLI's --cache-dir takes: the cache root, whose duts/ is kCache (docs/CLI.md).
inline const std::filesystem::path kCacheRoot = kCache.parent_path();

inline std::filesystem::path coreJson(const std::string& core) {
  return kRoot / "designs" / "riscv" / core / "core.json";
}

}  // namespace rtlarena::fuzz::test_paths
