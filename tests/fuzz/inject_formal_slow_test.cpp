// Slow (label slow): bug injection on mc with the formal visibility check. One miter build,
// bmc per mutation (time-outs again on the miter with arithmetic stand-ins), and the replay of
// every program the solver proposes. The checks: the verdicts are consistent with the corpus
// file; every confirmed program, replayed again in a fresh session, diverges with its mutant
// selected and not with select 0; and a wrapper the check cannot rewrite leaves the directed
// run to decide.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "rtlarena/core/files.h"
#include "rtlarena/core/text.h"
#include "rtlarena/fuzz/inject.h"
#include "rtlarena/fuzz/session.h"
#include "inject_fixture.h"

namespace rtlarena::fuzz {
namespace {

namespace fs = std::filesystem;
using namespace test_paths;

// 8 mutations of mc, seed 1; the directed run is the self-check programs only (no random
// tests) and each mutation gets 10 s of bmc, which keeps the test short (the miter build, about
// two minutes, is most of it).
const Injected& injected() {
  static const Injected inj = [] {
    InjectOptions o;
    o.count = 8;
    o.seed = 1;
    o.directedTests = 0;
    o.formalDepth = 24;
    o.formalTimeout = std::chrono::seconds(10);
    o.formalStandIns = true;
    return injectOnce("fuzz-inject-formal", o);
  }();
  return inj;
}

std::vector<uint32_t> readHex(const fs::path& file) {
  std::vector<uint32_t> words;
  auto text = readFile(file);
  EXPECT_TRUE(text.ok()) << file;
  if (!text.ok()) return words;
  for (auto line : splitLines(*text))
    if (!trim(line).empty()) words.push_back(static_cast<uint32_t>(std::stoul(std::string(trim(line)), nullptr, 16)));
  return words;
}

void everyMutationHasAFormalVerdictAndTheCountsAgree() {
  const InjectResult& r = injected().result;
  ASSERT_EQ(r.all.size(), 8u);
  EXPECT_NE(r.formalNote.find("AND gates"), std::string::npos) << r.formalNote;
  // mc multiplies and divides combinationally: time-outs get a second miter with stand-ins
  EXPECT_NE(r.formalNote.find("arithmetic stand-ins: "), std::string::npos) << r.formalNote;
  const std::set<std::string> verdicts = {"differs", "no_difference_within_bound", "timeout"};
  size_t directed = 0, formal = 0, differs = 0;
  for (const auto& b : r.all) {
    EXPECT_TRUE(verdicts.count(b.formal)) << b.id << ": " << b.formal;
    EXPECT_EQ(b.visible, !b.directedBy.empty() || b.formalConfirmed) << b.id;
    if (b.formalConfirmed) {
      EXPECT_EQ(b.formal, "differs") << b.id;
    }
    if (b.directedBy.empty() && b.formalConfirmed) {
      EXPECT_EQ(b.foundBy.rfind("formal:cycle", 0), 0u) << b.foundBy;
    }
    if (b.formalStandIns) {
      EXPECT_EQ(b.formal, "differs") << b.id << ": only a difference replaces the exact miter's verdict";
    }
    if (b.formal == "differs") {
      ++differs;
      EXPECT_FALSE(b.formalProgram.empty()) << b.id;
      EXPECT_FALSE(b.formalReplay.empty()) << b.id;
    }
    directed += !b.directedBy.empty();
    formal += b.formalConfirmed;
  }
  EXPECT_EQ(r.visibleDirected, directed);
  EXPECT_EQ(r.visibleFormal, formal);
  EXPECT_GE(formal, 1u) << "no formal proposal was confirmed";

  auto text = readFile(injected().dir->path() / "mutants" / "mutants.json");
  ASSERT_TRUE(text.ok());
  auto j = nlohmann::json::parse(*text);
  EXPECT_EQ(j["visible_formal"], formal);
  EXPECT_EQ(j["visible_directed"], directed);
  EXPECT_EQ(j["formal"]["depth"], 24);
  for (const auto& m : j["mutants"]) {
    EXPECT_TRUE(m.contains("formal_confirmed"));
    EXPECT_TRUE(m.contains("formal_stand_ins"));
    EXPECT_TRUE(m.contains("directed"));
  }
}

void aConfirmedProgramDivergesOnlyWithItsMutant() {
  const Injected& inj = injected();
  const fs::path dir = inj.dir->path() / "mutants";
  auto corpus = loadMutantCorpus(dir);
  ASSERT_TRUE(corpus.ok()) << corpus.error().describe();
  SessionSpec spec;
  spec.coreConfig = corpus->coreConfig;
  spec.sourcesOverride = corpus->sources;
  spec.plusargs = {mutantPlusarg(0)};
  spec.cacheDir = kCache;
  auto s = openSession(spec);
  ASSERT_TRUE(s.ok()) << s.error().describe();
  Session& ss = **s;
  RunnerOptions o;
  o.selfCheckExit = true;
  o.maxRetire = 1000;
  o.maxCycles = 100000;
  o.rtlCoverage = false;
  o.modelCoverage = false;
  size_t replayed = 0;
  for (const auto& b : inj.result.all) {
    if (!b.formalConfirmed) continue;
    const std::vector<uint32_t> program = readHex(dir / b.formalProgram);
    ASSERT_FALSE(program.empty()) << b.id;
    ss.dut->recreate({mutantPlusarg(0)});
    TestResult clean = Runner(*ss.dut, ss.core, ss.layout, o).runImage(program);
    EXPECT_FALSE(clean.divergence.has_value()) << "mutant " << b.id << ": " << clean.divergence->message;
    ss.dut->recreate({mutantPlusarg(b.id)});
    TestResult mutated = Runner(*ss.dut, ss.core, ss.layout, o).runImage(program);
    ASSERT_TRUE(mutated.divergence.has_value()) << "mutant " << b.id;
    EXPECT_EQ(mutated.divergence->signature(), b.formalReplay) << b.id;
    ++replayed;
  }
  EXPECT_GE(replayed, 1u);
}

// One test, so that the injection (minutes) runs once: ctest starts a process per test.
TEST(FuzzInjectFormal, FindsConfirmsAndRecordsVisibleMutants) {
  {
    SCOPED_TRACE("verdicts and counts");
    everyMutationHasAFormalVerdictAndTheCountsAgree();
  }
  {
    SCOPED_TRACE("replay in a fresh session");
    aConfirmedProgramDivergesOnlyWithItsMutant();
  }
}

// mc behind a wrapper that declares its memory another legal way (`mem[16384]`): the harness
// still runs it, the formal check cannot rewrite it. Injection keeps the directed verdicts and
// marks every mutation `unsupported`, naming what is missing.
TEST(FuzzInjectFormal, AWrapperOutsideTheContractFallsBackToTheDirectedRun) {
  auto dir = TempDir::create("fuzz-inject-unsupported");
  ASSERT_TRUE(dir.ok()) << dir.error().describe();
  const fs::path mc = kRoot / "designs" / "riscv" / "mc";
  auto wrapper = readFile(mc / "rtlarena_dut.sv");
  ASSERT_TRUE(wrapper.ok());
  std::string text = *wrapper;
  const std::string decl = "mem[0:16383]";
  const auto at = text.find(decl);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, decl.size(), "mem[16384]");
  ASSERT_TRUE(writeFile(dir->path() / "rtlarena_dut.sv", text).ok());
  InjectOptions o;
  o.coreConfig = writeMcVariant(dir->path(), "mc_other_memory", [](nlohmann::json& j) {
    j["sources"] = {"rtlarena_dut.sv", (kRoot / "designs" / "riscv" / "mc" / "rv_mc_core.sv").string()};
  });
  o.count = 4;
  o.seed = 1;
  o.directedTests = 50;
  o.outDir = dir->path() / "mutants";
  o.cacheDir = kCache;
  auto r = injectBugs(o);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_NE(r->formalNote.find("reg [31:0] mem[0:16383]"), std::string::npos) << r->formalNote;
  EXPECT_NE(r->formalNote.find("rtlarena_dut.sv"), std::string::npos) << r->formalNote;
  ASSERT_EQ(r->all.size(), 4u);
  for (const auto& b : r->all) {
    EXPECT_EQ(b.formal, "unsupported") << b.id;
    EXPECT_FALSE(b.formalConfirmed) << b.id;
    EXPECT_EQ(b.visible, !b.directedBy.empty()) << b.id;
  }
  EXPECT_EQ(r->visibleFormal, 0u);
  EXPECT_EQ(r->visible, r->visibleDirected);
  EXPECT_GE(r->visible, 1u) << "the directed run still judges";
}

}  // namespace
}  // namespace rtlarena::fuzz
