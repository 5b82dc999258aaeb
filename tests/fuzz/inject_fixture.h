// One injection shared by every test of a binary: `fuzz inject` on mc into a temporary folder
// (outDir and cacheDir are set here). Without it no test can run, so a failure aborts.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "rtlarena/core/files.h"
#include "rtlarena/fuzz/inject.h"
#include "fuzz_test_paths.h"

namespace rtlarena::fuzz::test_paths {

struct Injected {
  std::optional<TempDir> dir;
  InjectResult result;
};

inline Injected injectOnce(const char* tempName, InjectOptions o) {
  Injected i;
  auto tmp = TempDir::create(tempName);
  if (!tmp.ok()) {
    ADD_FAILURE() << tmp.error().describe();
    std::abort();
  }
  i.dir.emplace(std::move(*tmp));
  o.coreConfig = coreJson("mc");
  o.outDir = i.dir->path() / "mutants";
  o.cacheDir = kCache;
  auto r = injectBugs(o);
  if (!r.ok()) {
    ADD_FAILURE() << r.error().describe();
    std::abort();
  }
  i.result = std::move(*r);
  return i;
}

/// Writes DIR/core.json: mc's, renamed, with absolute sources and no bug catalogue, then
/// changed by `edit`. Returns its path.
inline std::filesystem::path writeMcVariant(const std::filesystem::path& dir, const std::string& name,
                                            const std::function<void(nlohmann::json&)>& edit) {
  const std::filesystem::path mc = kRoot / "designs" / "riscv" / "mc";
  auto text = readFile(mc / "core.json");
  EXPECT_TRUE(text.ok());
  auto j = nlohmann::json::parse(text.ok() ? *text : std::string("{}"));
  j["name"] = name;
  j["sources"] = {(mc / "rtlarena_dut.sv").string(), (mc / "rv_mc_core.sv").string()};
  j.erase("bugs");
  edit(j);
  EXPECT_TRUE(writeFile(dir / "core.json", j.dump(2)).ok());
  return dir / "core.json";
}

}  // namespace rtlarena::fuzz::test_paths
