// One injection shared by every test of a binary: `fuzz inject` on mc into a temporary folder
// (outDir and cacheDir are set here). Without it no test can run, so a failure aborts.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>

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

}  // namespace rtlarena::fuzz::test_paths
