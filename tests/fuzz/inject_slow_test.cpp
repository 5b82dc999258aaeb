// Slow tests (label slow), each needing a Verilator build of its own: bug injection (Yosys
// mutate on the mc core, one build of the mutated netlist, the visibility check, the corpus
// file, fuzzing a mutant from the command line) and toggle coverage.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "rtlarena/core/files.h"
#include "rtlarena/core/process.h"
#include "rtlarena/fuzz/assembler.h"
#include "rtlarena/fuzz/calibrate.h"
#include "rtlarena/fuzz/generator.h"
#include "rtlarena/fuzz/campaign.h"
#include "rtlarena/fuzz/inject.h"
#include "rtlarena/fuzz/mutant_baseline.h"
#include "rtlarena/fuzz/scheduler.h"
#include "rtlarena/fuzz/session.h"
#include "inject_fixture.h"

namespace rtlarena::fuzz {
namespace {

namespace fs = std::filesystem;

using namespace test_paths;

// One injection for the whole binary: 8 mutations of mc, seed 1, the directed run only.
const Injected& injected() {
  static const Injected inj = [] {
    InjectOptions o;
    o.count = 8;
    o.seed = 1;
    o.directedTests = 300;
    o.formalDepth = 0;  // the formal check has its own test (inject_formal_slow_test.cpp)
    return injectOnce("fuzz-inject", o);
  }();
  return inj;
}

TEST(FuzzInject, ListsEveryMutationAndKeepsTheVisibleOnes) {
  const InjectResult& r = injected().result;
  EXPECT_EQ(r.core, "mc");
  EXPECT_EQ(r.tried, 8u);
  ASSERT_EQ(r.all.size(), 8u);
  const std::set<std::string> modes = {"inv", "const0", "const1", "cnot0", "cnot1"};
  size_t visible = 0;
  for (size_t i = 0; i < r.all.size(); ++i) {
    const InjectedBug& b = r.all[i];
    EXPECT_EQ(b.id, i + 1) << "select 0 is the unmutated netlist";
    EXPECT_TRUE(modes.count(b.mode)) << b.command;
    EXPECT_EQ(b.command.rfind("mutate", 0), 0u) << b.command;
    EXPECT_EQ(b.visible, !b.foundBy.empty()) << b.id;
    EXPECT_EQ(b.visible, !b.signature.empty()) << b.id;
    visible += b.visible;
  }
  EXPECT_EQ(r.visible, visible);
  EXPECT_EQ(r.kept.size(), visible);
  EXPECT_EQ(r.visibleDirected, visible);
  EXPECT_EQ(r.visibleFormal, 0u);
  for (const auto& b : r.all) EXPECT_EQ(b.formal, "off") << b.id;
  // Yosys mutations of a core are mostly visible (10 of 12 in the benchmark); none would
  // mean the check or the select plusarg is broken.
  EXPECT_GE(visible, 2u);
}

TEST(FuzzInject, CorpusFileListsTheKeptMutantsAndTheyDivergeOnlyWhenSelected) {
  const Injected& inj = injected();
  auto corpus = loadMutantCorpus(inj.dir->path() / "mutants");
  ASSERT_TRUE(corpus.ok()) << corpus.error().describe();
  ASSERT_EQ(corpus->mutants.size(), inj.result.kept.size());
  for (size_t i = 0; i < corpus->mutants.size(); ++i) {
    EXPECT_EQ(corpus->mutants[i].id, inj.result.kept[i].id);
    EXPECT_EQ(corpus->mutants[i].signature, inj.result.kept[i].signature);
  }
  // Rerun one mutant that a self-check program exposed: that program diverges with the
  // mutant selected, and passes with select 0.
  const InjectedBug* bySelfCheck = nullptr;
  for (const auto& b : corpus->mutants)
    if (b.foundBy.rfind("selfcheck:", 0) == 0) bySelfCheck = &b;
  ASSERT_NE(bySelfCheck, nullptr) << "no mutant was exposed by a self-check program";
  const fs::path program = kRoot / "designs" / "riscv" / "programs" / (bySelfCheck->foundBy.substr(10) + ".S");
  AssembleResult a = assemble(*readFile(program));
  ASSERT_TRUE(a.ok()) << a.error;
  SessionSpec spec;
  spec.coreConfig = corpus->coreConfig;
  spec.sourcesOverride = corpus->sources;
  spec.plusargs = {mutantPlusarg(bySelfCheck->id)};
  spec.cacheDir = kCache;
  auto s = openSession(spec);
  ASSERT_TRUE(s.ok()) << s.error().describe();
  RunnerOptions o;
  o.selfCheckExit = true;
  o.maxRetire = 200000;
  o.maxCycles = 2000000;
  Runner runner(*(*s)->dut, (*s)->core, (*s)->layout, o);
  TestResult mutated = runner.runImage(a.words);
  ASSERT_TRUE(mutated.divergence.has_value()) << "mutant " << bySelfCheck->id;
  EXPECT_EQ(mutated.divergence->signature(), bySelfCheck->signature);
  (*s)->dut->recreate({mutantPlusarg(0)});
  TestResult clean = runner.runImage(a.words);
  EXPECT_FALSE(clean.divergence.has_value()) << clean.divergence->message;
  EXPECT_EQ(clean.a0, 0u);
}

// An injected deviation is reported by calibration: the unmutated netlist (select 0) is
// clean, and most visible mutants (5 of the 7 of this corpus) show up as a proposed tolerance
// or a suspected bug; the others change behaviour only on programs longer than a probe.
TEST(FuzzInject, CalibrationReportsInjectedDeviations) {
  const Injected& inj = injected();
  auto corpus = loadMutantCorpus(inj.dir->path() / "mutants");
  ASSERT_TRUE(corpus.ok()) << corpus.error().describe();
  SessionSpec spec;
  spec.coreConfig = corpus->coreConfig;
  spec.sourcesOverride = corpus->sources;
  spec.plusargs = {mutantPlusarg(0)};
  spec.cacheDir = kCache;
  auto s = openSession(spec);
  ASSERT_TRUE(s.ok()) << s.error().describe();
  Session& ss = **s;
  CalibrationResult clean = calibrate(*ss.dut, ss.core);
  EXPECT_TRUE(clean.clean()) << calibrationText(clean);
  size_t reported = 0;
  for (const auto& m : corpus->mutants) {
    ss.dut->recreate({mutantPlusarg(m.id)});
    CalibrationResult r = calibrate(*ss.dut, ss.core);
    reported += !r.clean();
    // a suspect names the probes that showed it; its minimized program may be empty when the
    // mutant diverges in the frame itself, whatever the test
    for (const auto& b : r.suspected) {
      EXPECT_FALSE(b.probes.empty());
      EXPECT_FALSE(b.signature.empty());
      EXPECT_FALSE(b.evidence.message.empty()) << "mutant " << m.id << " " << b.signature;
    }
    std::printf("mutant %u (%s, found by %s): %zu proposed, %zu suspected\n", m.id, m.mode.c_str(), m.foundBy.c_str(),
                r.proposed.size(), r.suspected.size());
  }
  ASSERT_FALSE(corpus->mutants.empty());
  EXPECT_GE(reported * 2, corpus->mutants.size()) << reported << " of " << corpus->mutants.size() << " reported";
}

ProcessResult runCli(const std::vector<std::string>& args, const fs::path& workDir) {
  ProcessSpec ps;
  ps.argv = {RTLARENA_BINARY};
  ps.argv.insert(ps.argv.end(), args.begin(), args.end());
  ps.workDir = workDir.string();
  ps.env = defaultToolEnv(ps.workDir);
  ps.env["RTLARENA_HOME"] = kRoot.string();
  ps.deadline = std::chrono::minutes(20);
  auto r = runProcess(ps);
  if (!r.ok()) {
    ADD_FAILURE() << r.error().describe();
    return {};
  }
  return *r;
}

TEST(FuzzInject, CliFuzzesAMutantAndRejectsUnknownIds) {
  const Injected& inj = injected();
  const fs::path dir = inj.dir->path() / "mutants";
  ASSERT_FALSE(inj.result.kept.empty());
  const std::string id = std::to_string(inj.result.kept.front().id);
  // --core comes from the corpus.
  ProcessResult r = runCli({"fuzz", "--mutant", dir.string() + ":" + id, "--algo", "uniform", "--tests", "5000",
                            "--seed", "1", "--stop-on-mismatch", "--no-minimize", "--json", "--cache-dir", kCacheRoot.string()},
                           inj.dir->path());
  ASSERT_EQ(r.exitCode, 1) << r.combined();  // 1: a mismatch was found
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["bugs_found"], 1);
  EXPECT_GT(j["first_mismatch_test"].get<int>(), 0);

  // An id that is not a visible mutant, a non-numeric id and a corpus of another core fail
  // before any build, naming what was wrong.
  std::string invisible = "999";
  for (const auto& b : inj.result.all)
    if (!b.visible) invisible = std::to_string(b.id);
  r = runCli({"fuzz", "--mutant", dir.string() + ":" + invisible, "--tests", "10"}, inj.dir->path());
  EXPECT_EQ(r.exitCode, 2) << r.combined();
  EXPECT_NE(r.err.find("lists no visible mutant " + invisible), std::string::npos) << r.err;
  r = runCli({"fuzz", "--mutant", dir.string() + ":x1", "--tests", "10"}, inj.dir->path());
  EXPECT_EQ(r.exitCode, 2) << r.combined();
  EXPECT_NE(r.err.find("numeric ID"), std::string::npos) << r.err;
  r = runCli({"fuzz", "--core", "p5", "--mutant", dir.string() + ":" + id, "--tests", "10"}, inj.dir->path());
  EXPECT_EQ(r.exitCode, 2) << r.combined();
  EXPECT_NE(r.err.find("was injected into"), std::string::npos) << r.err;
}

// A core that itself deviates from the ISA model where the directed run looks (mc with its
// x0-write bug compiled in, standing for a third-party core's real deviation): injection goes
// on, lists where the unmutated core diverges, and judges mutants against those outcomes; a
// campaign on a mutant counts only divergences the original does not show the same way.
TEST(FuzzInject, ACoreThatItselfDivergesIsJudgedAgainstItsOwnOutcomes) {
  auto dir = TempDir::create("fuzz-inject-deviating");
  ASSERT_TRUE(dir.ok()) << dir.error().describe();
  InjectOptions o;
  o.coreConfig = writeMcVariant(dir->path(), "mc_x0_write",
                                [](nlohmann::json& j) { j["defines"] = {{"RTLARENA_BUG_MC_X0_WRITE", ""}}; });
  o.count = 6;
  o.seed = 1;
  o.directedTests = 200;
  o.formalDepth = 0;
  o.outDir = dir->path() / "mutants";
  o.cacheDir = kCache;
  auto r = injectBugs(o);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_FALSE(r->originalDivergences.empty()) << "the x0-write deviation is not in the directed run";
  for (const auto& [where, sig] : r->originalDivergences) EXPECT_FALSE(where.empty() || sig.empty());
  auto text = readFile(dir->path() / "mutants" / "mutants.json");
  ASSERT_TRUE(text.ok());
  auto j = nlohmann::json::parse(*text);
  EXPECT_EQ(j["original_diverges"].size(), r->originalDivergences.size());
  ASSERT_FALSE(r->kept.empty()) << "no mutation of mc was visible beside the deviation";

  // A campaign on the first kept mutant: the x0 deviation shows up and is set aside; what is
  // left is the mutant's own, which a rerun on the original confirms.
  const InjectedBug& b = r->kept.front();
  SessionSpec spec;
  spec.coreConfig = o.coreConfig;
  spec.sourcesOverride = r->sources;
  spec.plusargs = {mutantPlusarg(b.id)};
  spec.coverage = CoverageKinds{true, false};
  spec.cacheDir = kCache;
  auto s = openSession(spec);
  ASSERT_TRUE(s.ok()) << s.error().describe();
  Session& ss = **s;
  OriginalCore original(*ss.dut, ss.core, ss.layout, ss.runner->options(), spec.plusargs);
  auto scheduler = makeScheduler("uniform");
  ASSERT_TRUE(scheduler.ok());
  CampaignOptions co;
  co.seed = 3;
  co.maxTests = 3000;
  uint64_t checked = 0;
  co.originalShares = [&](const Program& p, const Divergence& d) {
    ++checked;
    return original.shares(p, d);
  };
  CampaignResult res = Campaign(*ss.runner, **scheduler, ss.core.isa, co).run();
  EXPECT_EQ(checked, res.mismatches + res.sharedWithOriginal);
  EXPECT_GT(res.sharedWithOriginal, 0u) << "the core's own x0 deviation never came up in 3000 tests";
  for (const auto& m : res.unique) {
    const Outcome again = ss.runner->run(m.program).divergence;  // the mutant is back in place
    ASSERT_TRUE(again.has_value()) << m.signature;
    EXPECT_TRUE(sameDivergence(*again, m.divergence)) << m.signature;
    EXPECT_TRUE(mutantOwnDivergence(again, original.run(m.program))) << m.signature;
  }
}

// Toggle coverage: counters on the core's signals only (the wrapper's memory is excluded),
// read and zeroed per test like line coverage.
TEST(FuzzCoverage, ToggleCountersCoverTheCoreAndAreZeroedPerTest) {
  SessionSpec spec;
  spec.coreConfig = coreJson("mc");
  spec.coverage = CoverageKinds{false, true};
  spec.cacheDir = kCache;
  auto s = openSession(spec);
  ASSERT_TRUE(s.ok()) << s.error().describe();
  Session& ss = **s;
  ASSERT_GT(ss.dut->coverCount(), 100u);
  ASSERT_EQ(ss.artifact.points.size(), ss.dut->coverCount());
  for (const auto& p : ss.artifact.points) {
    EXPECT_EQ(p.kind, "toggle") << p.file << ":" << p.line;
    EXPECT_EQ(p.file.find("rtlarena_dut"), std::string::npos) << p.file << " " << p.comment;
  }
  Program nop;
  nop.body.assign(20, 0x00000013u);
  ss.runner->run(nop);
  TestResult a = ss.runner->run(nop);
  for (unsigned i = 0; i < ss.dut->coverCount(); ++i) ASSERT_EQ(ss.dut->coverCounters()[i], 0u);
  Generator g(ss.layout, ss.core.isa);
  Rng rng(1);
  TestResult b = ss.runner->run(g.generate(rng));
  EXPECT_FALSE(b.divergence.has_value());
  EXPECT_GT(b.hits.size(), a.hits.size()) << "random operands toggle more bits than NOPs";
}

}  // namespace
}  // namespace rtlarena::fuzz
