// Every catalogued bug is caught by its directed program in lockstep (label slow: one
// Verilator build per bug, cached under the build tree).
#include <gtest/gtest.h>

#include <filesystem>
#include <ostream>

#include "rtlarena/core/files.h"
#include "rtlarena/fuzz/assembler.h"
#include "rtlarena/fuzz/session.h"

namespace rtlarena::fuzz {

// gtest prints the parameter in test names and failures: the id, not the bytes.
void PrintTo(const BugInfo& bug, std::ostream* os) { *os << bug.id; }

namespace {

namespace fs = std::filesystem;

std::vector<BugInfo> allBugs() {
  auto bugs = loadBugCatalogue(fs::path(RTLARENA_SOURCE_DIR) / "designs" / "riscv" / "bugs.json");
  return bugs.ok() ? *bugs : std::vector<BugInfo>{};
}

class CatalogueBug : public ::testing::TestWithParam<BugInfo> {};

TEST_P(CatalogueBug, IsCaughtByItsDirectedProgram) {
  const BugInfo& bug = GetParam();
  SessionSpec spec;
  spec.coreConfig = fs::path(RTLARENA_SOURCE_DIR) / "designs" / "riscv" / bug.core / "core.json";
  spec.bug = bug.id;
  spec.coverage = CoverageKinds{true, false};  // the build `fuzz --bug` and the benchmark reuse
  spec.cacheDir = RTLARENA_FUZZ_CACHE;
  spec.runner.selfCheckExit = true;
  spec.runner.maxRetire = 500000;
  spec.runner.maxCycles = 5000000;
  auto s = openSession(spec);
  ASSERT_TRUE(s.ok()) << s.error().describe();
  ASSERT_FALSE(bug.program.empty());
  AssembleResult a = assemble(*readFile(bug.program));
  ASSERT_TRUE(a.ok()) << a.error;
  TestResult r = (*s)->runner->runImage(a.words);
  ASSERT_TRUE(r.divergence.has_value()) << bug.id << " escaped lockstep on its directed program (a0=" << r.a0 << ")";
}

INSTANTIATE_TEST_SUITE_P(Fuzz, CatalogueBug, ::testing::ValuesIn(allBugs()),
                         [](const ::testing::TestParamInfo<BugInfo>& i) { return i.param.id; });

TEST(CatalogueBugs, CatalogueIsNotEmpty) { EXPECT_GE(allBugs().size(), 10u); }

}  // namespace
}  // namespace rtlarena::fuzz
