// Tests on real Verilated cores (label tools): the DUT build and loader, lockstep on the
// self-check programs, coverage counters, catalogue bugs caught by their directed programs,
// campaign determinism, minimization and deterministic replay, and the CLI. DUTs are built
// once into a cache under the build tree and shared by every test and test binary.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "rtlarena/core/files.h"
#include "rtlarena/core/process.h"
#include "rtlarena/fuzz/assembler.h"
#include "rtlarena/fuzz/calibrate.h"
#include "rtlarena/fuzz/campaign.h"
#include "rtlarena/fuzz/minimize.h"
#include "rtlarena/fuzz/report.h"
#include "rtlarena/fuzz/session.h"
#include "fuzz_test_paths.h"

namespace rtlarena::fuzz {
namespace {

namespace fs = std::filesystem;

using namespace test_paths;

// One session per (core, bug, coverage) for the whole test binary.
Session& session(const std::string& core, const std::string& bug = "", bool coverage = true) {
  static std::map<std::string, std::unique_ptr<Session>> sessions;
  const std::string key = core + "/" + bug + "/" + (coverage ? "line" : "none");
  auto it = sessions.find(key);
  if (it != sessions.end()) return *it->second;
  SessionSpec spec;
  spec.coreConfig = coreJson(core);
  spec.bug = bug;
  spec.coverage = coverage ? CoverageKinds{true, false} : CoverageKinds{false, false};
  spec.cacheDir = kCache;
  auto s = openSession(spec);
  if (!s.ok()) {
    ADD_FAILURE() << s.error().describe();
    std::abort();
  }
  return *(sessions[key] = std::move(*s));
}

std::vector<std::pair<std::string, std::vector<uint32_t>>> selfCheckPrograms() {
  std::vector<std::pair<std::string, std::vector<uint32_t>>> out;
  for (const auto& e : fs::directory_iterator(kRoot / "designs" / "riscv" / "programs")) {
    if (e.path().extension() != ".S") continue;
    AssembleResult a = assemble(*readFile(e.path()));
    EXPECT_TRUE(a.ok()) << e.path() << a.error;
    out.push_back({e.path().stem().string(), a.words});
  }
  return out;
}

TestResult runSelfCheck(Session& s, const std::vector<uint32_t>& words) {
  RunnerOptions o;
  o.selfCheckExit = true;
  o.maxRetire = 500000;
  o.maxCycles = 5000000;
  Runner r(*s.dut, s.core, s.layout, o);
  return r.runImage(words);
}

class OurCores : public ::testing::TestWithParam<std::string> {};

TEST_P(OurCores, SelfCheckProgramsPassInLockstep) {
  Session& s = session(GetParam());
  for (const auto& [name, words] : selfCheckPrograms()) {
    TestResult r = runSelfCheck(s, words);
    EXPECT_FALSE(r.divergence) << name << ": " << r.divergence->message;
    EXPECT_EQ(r.end, EndReason::Ecall) << name;
    EXPECT_EQ(r.a0, 0u) << name << " failed check " << r.a0;
  }
}

TEST_P(OurCores, RandomTestsShowNoFalseDivergence) {
  Session& s = session(GetParam());
  Generator g(s.layout, s.core.isa);
  Rng rng(99);
  for (int i = 0; i < 3000; ++i) {
    Program p = g.generate(rng);
    TestResult r = s.runner->run(p);
    ASSERT_FALSE(r.divergence) << "test " << i << ": " << r.divergence->message << "\n" << programToText(p, &s.layout);
  }
}

TEST_P(OurCores, CoverageCountersAreReadAndZeroedPerTest) {
  Session& s = session(GetParam());
  ASSERT_GT(s.dut->coverCount(), 50u);
  ASSERT_EQ(s.artifact.points.size(), s.dut->coverCount());
  Program nop;
  nop.body.assign(20, 0x00000013u);
  // Reset does not clear every datapath register of a pipeline, so the first test after
  // another may hit different points; after one NOP test the history is the same.
  s.runner->run(nop);
  TestResult a = s.runner->run(nop), b = s.runner->run(nop);
  EXPECT_EQ(a.hits, b.hits);
  EXPECT_FALSE(a.hits.empty());
  for (unsigned i = 0; i < s.dut->coverCount(); ++i) ASSERT_EQ(s.dut->coverCounters()[i], 0u);
  Generator g(s.layout, s.core.isa);
  Rng rng(1);
  TestResult c = s.runner->run(g.generate(rng));
  EXPECT_GT(c.hits.size(), a.hits.size());
}

// Our cores declare every choice they make: calibration proposes nothing and suspects nothing.
TEST_P(OurCores, CalibrationProposesNoToleranceTheyDoNotDeclare) {
  Session& s = session(GetParam());
  CalibrationResult r = calibrate(*s.dut, s.core);
  EXPECT_GT(r.probes, 300u);
  EXPECT_EQ(r.differencesDeclared, 0u);
  for (const auto& p : r.proposed) ADD_FAILURE() << "proposed " << p.change;
  for (const auto& b : r.suspected) ADD_FAILURE() << "suspected " << b.signature << ": " << b.evidence.message;
  EXPECT_TRUE(r.clean());
}

INSTANTIATE_TEST_SUITE_P(Fuzz, OurCores, ::testing::Values("mc", "p5"));

// A config that misdescribes the core (fence said to trap, mscratch said to be missing,
// misaligned accesses said to be performed, mtval said to be 0 for illegal instructions) is
// corrected key by key, each change with evidence, and the result is the declared config.
TEST(FuzzCalibrate, WrongTolerancesAreCorrectedWithEvidence) {
  Session& s = session("mc");
  CoreConfig wrong = s.core;
  wrong.isa.fenceIllegal = true;
  wrong.isa.csrs.erase(csr::kMscratch);
  wrong.isa.misaligned = MisalignedPolicy::Support;
  wrong.isa.mtvalIllegalInsn = false;
  CalibrationResult r = calibrate(*s.dut, wrong);
  EXPECT_GT(r.differencesDeclared, 20u);
  std::set<std::string> changes;
  for (const auto& p : r.proposed) {
    changes.insert(p.change);
    ASSERT_FALSE(p.evidence.empty()) << p.change;
    EXPECT_GT(p.explains, 0u);
    for (const auto& e : p.evidence) {
      EXPECT_FALSE(e.instruction.empty());
      EXPECT_NE(e.expected, e.actual) << p.change << " " << e.probe;
    }
  }
  EXPECT_EQ(changes, (std::set<std::string>{"fence: illegal -> nop", "csrs: +mscratch", "misaligned_access: support -> trap",
                                            "mtval: illegal: zero -> illegal: instruction word"}));
  EXPECT_TRUE(r.suspected.empty());
  EXPECT_FALSE(r.calibrated.isa.fenceIllegal);
  EXPECT_EQ(r.calibrated.isa.csrs, s.core.isa.csrs);
  auto section = nlohmann::json::parse(r.toleranceSectionJson);
  EXPECT_EQ(section["fence"], "nop");
  EXPECT_EQ(section["misaligned_access"], "trap");
}

// A catalogued bug is caught by its own directed program (and never by the clean core,
// which SelfCheckProgramsPassInLockstep covers through the same programs).
void expectDirectedProgramCatchesBug(const std::string& core, const std::string& bug, bool coverage) {
  auto cfg = loadCoreConfig(coreJson(core));
  ASSERT_TRUE(cfg.ok());
  auto info = findBug(*cfg, bug);
  ASSERT_TRUE(info.ok()) << info.error().describe();
  ASSERT_FALSE(info->program.empty()) << bug << " has no directed program";
  AssembleResult a = assemble(*readFile(info->program));
  ASSERT_TRUE(a.ok()) << a.error;
  TestResult r = runSelfCheck(session(core, bug, coverage), a.words);
  EXPECT_TRUE(r.divergence.has_value() || r.a0 != 0) << bug << " escaped its directed program";
  EXPECT_TRUE(r.divergence.has_value()) << bug << ": the program fails (a0=" << r.a0 << ") but lockstep saw nothing";
}

TEST(FuzzBugs, DirectedProgramsCatchOneBugPerCore) {
  expectDirectedProgramCatchesBug("mc", "MC_SLT_UNSIGNED", true);
  expectDirectedProgramCatchesBug("p5", "P5_FWD_PRIORITY", true);
}

CampaignResult smallCampaign(Session& s, const std::string& algo, uint64_t seed, uint64_t tests, bool stop = false,
                             bool gammaCountsLocal = false) {
  auto sched = makeScheduler(algo);
  CampaignOptions o;
  o.seed = seed;
  o.maxTests = tests;
  o.stopOnMismatch = stop;
  o.gammaCountsLocal = gammaCountsLocal;
  Campaign c(*s.runner, **sched, s.core.isa, o);
  return c.run();
}

uint64_t resets(const CampaignResult& r) {
  uint64_t n = 0;
  for (const ArmStats& a : r.arms) n += a.resets;
  return n;
}

TEST(FuzzCampaign, SameSeedSameCampaign) {
  Session& s = session("mc");
  CampaignResult a = smallCampaign(s, "ucb1", 5, 400), b = smallCampaign(s, "ucb1", 5, 400);
  EXPECT_EQ(a.tests, 400u);
  EXPECT_EQ(a.coverage, b.coverage);
  EXPECT_EQ(a.retired, b.retired);
  EXPECT_EQ(a.corpus, b.corpus);
  EXPECT_EQ(a.mismatches, 0u);
  EXPECT_GT(a.coverage, a.baseline);
  CampaignResult c = smallCampaign(s, "ucb1", 6, 400);
  EXPECT_NE(a.corpus, c.corpus);
}

// The gamma rule asks for points new to the campaign: arm-local novelty alone no longer keeps
// a stale family alive, so a bandit draws fresh seeds more often. The static baseline resets
// only on an empty queue and is the same campaign either way.
TEST(FuzzCampaign, GammaRuleCountsOnlyCampaignNewPoints) {
  Session& s = session("mc");
  CampaignResult global = smallCampaign(s, "exp3", 2, 3000), local = smallCampaign(s, "exp3", 2, 3000, false, true);
  EXPECT_GT(resets(global), resets(local) + 10) << resets(global) << " vs " << resets(local);
  CampaignResult u1 = smallCampaign(s, "uniform", 2, 3000), u2 = smallCampaign(s, "uniform", 2, 3000, false, true);
  EXPECT_EQ(resets(u1), resets(u2));
  EXPECT_EQ(u1.corpus, u2.corpus);
}

// TheHuzz's schedule on a real core: one queue, refilled with batches of fresh programs, the
// same campaign for the same seed, and coverage beyond the NOP baseline. Seed 1 on p5 also
// runs, at test 3,991, a program cut short by the retirement limit with a store still in the
// pipeline; the runner's reset before loading the next test keeps that store out of it (test
// 3,992 diverged at its first fetch before).
TEST(FuzzCampaign, TheHuzzRunsOneQueueDeterministically) {
  Session& s = session("p5");
  CampaignResult a = smallCampaign(s, "thehuzz", 1, 4500), b = smallCampaign(s, "thehuzz", 1, 4500);
  ASSERT_EQ(a.arms.size(), 1u);
  EXPECT_EQ(a.arms[0].tests + 1, a.tests);  // the NOP baseline belongs to no arm
  EXPECT_EQ(a.corpus, b.corpus);
  EXPECT_EQ(a.coverage, b.coverage);
  EXPECT_GT(a.coverage, a.baseline);
  EXPECT_EQ(a.mismatches, 0u);
}

TEST(FuzzCampaign, FindsMinimizesAndReplaysABug) {
  Session& s = session("mc", "MC_SLT_UNSIGNED");
  CampaignResult r = smallCampaign(s, "egreedy", 1, 20000, true);
  ASSERT_EQ(r.unique.size(), 1u) << "the bug was not found in 20000 tests";
  Mismatch m = r.unique[0];
  EXPECT_NE(m.signature.find("slt"), std::string::npos) << m.signature;
  MinimizeResult mr = minimize(*s.runner, m.program, m.signature);
  ASSERT_TRUE(mr.reproduced);
  EXPECT_LE(mr.program.body.size(), 8u);
  EXPECT_LT(mr.program.body.size(), m.program.body.size());
  m.minimized = mr.program;
  m.minimizedDivergence = mr.divergence;

  CampaignMeta meta;
  meta.core = "mc";
  meta.coreConfig = coreJson("mc");
  meta.bug = "MC_SLT_UNSIGNED";
  meta.coverage = "line";
  auto tmp = TempDir::create("fuzz-repro");
  ASSERT_TRUE(tmp.ok());
  fs::path file = tmp->path() / "repro.json";
  ASSERT_TRUE(writeReproducer(file, reproducerFor(m, r, meta)).ok());
  auto back = readReproducer(file);
  ASSERT_TRUE(back.ok()) << back.error().describe();
  EXPECT_EQ(back->program, mr.program);
  for (int i = 0; i < 3; ++i) {
    TestResult t = s.runner->run(back->program);
    ASSERT_TRUE(t.divergence);
    EXPECT_EQ(t.divergence->signature(), back->signature);
    EXPECT_EQ(t.divergence->index, back->divergence.index);
    EXPECT_EQ(t.divergence->actual.rd_wdata, back->divergence.actual.rd_wdata);
  }
}

// `fuzz calibrate` from the command line: clean on our core (exit 0), the proposal on disk.
TEST(FuzzCli, CalibrateOurCoreIsClean) {
  auto tmp = TempDir::create("fuzz-cal");
  ASSERT_TRUE(tmp.ok());
  ProcessSpec ps;
  ps.argv = {RTLARENA_BINARY, "fuzz", "calibrate", "--core", "mc", "--json", "--no-progress", "--out",
             (tmp->path() / "cal.json").string(), "--cache-dir", kCacheRoot.string()};
  ps.workDir = tmp->path().string();
  ps.env = defaultToolEnv(ps.workDir);
  ps.env["RTLARENA_HOME"] = kRoot.string();
  ps.deadline = std::chrono::minutes(20);
  auto r = runProcess(ps);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->exitCode, 0) << r->combined();
  auto j = nlohmann::json::parse(r->out);
  EXPECT_TRUE(j["clean"].get<bool>());
  EXPECT_EQ(j["core"], "mc");
  EXPECT_TRUE(fs::exists(tmp->path() / "cal.json"));
}

// The command line end to end: a short campaign with --json and --out, then replay.
TEST(FuzzCli, CampaignJsonOutputsAndReplay) {
  auto tmp = TempDir::create("fuzz-cli");
  ASSERT_TRUE(tmp.ok());
  const fs::path out = tmp->path() / "run";
  ProcessSpec ps;
  ps.argv = {RTLARENA_BINARY, "fuzz", "--core", "mc", "--bug", "MC_LH_ZEXT", "--algo", "ucb1", "--tests", "20000",
             "--seed", "3", "--stop-on-mismatch", "--json", "--out", out.string(), "--cache-dir", kCacheRoot.string()};
  ps.workDir = tmp->path().string();
  ps.env = defaultToolEnv(ps.workDir);
  ps.env["RTLARENA_HOME"] = kRoot.string();
  ps.deadline = std::chrono::minutes(20);
  auto r = runProcess(ps);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->exitCode, 1) << r->combined();  // 1: mismatches were found
  auto j = nlohmann::json::parse(r->out);
  for (const char* k : {"tests", "tests_per_second", "instructions_per_second", "coverage", "mismatches", "bugs_found"})
    EXPECT_TRUE(j.contains(k)) << k;
  EXPECT_EQ(j["bugs_found"], 1);
  for (const char* f : {"coverage.csv", "arms.csv", "arms_over_time.csv", "summary.json", "mismatches.json", "uncovered.tsv"})
    EXPECT_TRUE(fs::exists(out / f)) << f;
  auto trace = readFile(out / "arms_over_time.csv");  // arm selection over time, one column per arm
  ASSERT_TRUE(trace.ok());
  EXPECT_EQ(trace->rfind("tests,arm_0,arm_1,", 0), 0u) << trace->substr(0, 80);
  fs::path repro;
  for (const auto& e : fs::recursive_directory_iterator(out / "mismatches"))
    if (e.path().filename() == "repro.json") repro = e.path();
  ASSERT_FALSE(repro.empty());
  ps.argv = {RTLARENA_BINARY, "fuzz", "replay", repro.string(), "--json", "--cache-dir", kCacheRoot.string()};
  auto rr = runProcess(ps);
  ASSERT_TRUE(rr.ok());
  EXPECT_EQ(rr->exitCode, 0) << rr->combined();
  EXPECT_TRUE(nlohmann::json::parse(rr->out)["reproduced"].get<bool>()) << rr->out;
}

}  // namespace
}  // namespace rtlarena::fuzz
