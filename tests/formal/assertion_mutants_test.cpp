// Assertions scored by the design's mutants they catch (mutation_score.h), on small designs of
// ours: a complete assertion set catches every non-equivalent mutant and a weak one fewer; an
// equivalent mutant is never counted, even when an assertion on internal signals fails on it;
// the same seed gives the same score; a design whose mutants cannot be judged in time gets no
// score; the mutants are made once per design; `rtlarena check --mutants` prints it all; `run` and
// `eval` with --assert-mutants store and show each answer's score.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/core/process.h"
#include "rtlarena/core/text.h"
#include "rtlarena/formal/mutation_score.h"
#include "rtlarena/mutate/mutants.h"
#include "rtlarena/run/eval_mode.h"
#include "rtlarena/store/store.h"

#include "../support/rtlarena_cli.h"

using namespace rtlarena;
using namespace rtlarena::formal;
namespace fs = std::filesystem;

namespace {

const fs::path kRoot = RTLARENA_SOURCE_DIR;

SourceFile file(const fs::path& path) {
  auto text = readFile(path);
  EXPECT_TRUE(text.ok()) << path;
  return {path.filename().string(), text.ok() ? *text : ""};
}

CheckRequest request(const fs::path& design, const std::string& top, const std::string& props) {
  CheckRequest r;
  r.design = {file(design)};
  r.top = top;
  r.props = {{"props.sv", props}};
  return r;
}

CheckOptions checkOptions() {
  CheckOptions o;
  o.jobs = 2;
  return o;
}

struct Scored {
  CheckReport onDesign;
  MutationScore score;
};

Scored score(const CheckRequest& req, MutantCache& cache, int mutants, unsigned seed, double equivSeconds = 30) {
  Scored s;
  auto report = checkAssertions(req, checkOptions());
  EXPECT_TRUE(report.ok()) << (report.ok() ? "" : report.error().message);
  if (!report.ok()) return s;
  s.onDesign = *report;
  MutationScoreOptions o;
  o.mutants = mutants;
  o.seed = seed;
  o.jobs = 2;
  o.equivSeconds = equivSeconds;
  o.cache = &cache;
  auto scored = scoreByMutants(req, s.onDesign, checkOptions(), o);
  EXPECT_TRUE(scored.ok()) << (scored.ok() ? "" : scored.error().message);
  if (scored.ok()) s.score = *scored;
  return s;
}

const fs::path kEdgeDetect = kRoot / "datasets/assertions/edge_detect/design.sv";
const fs::path kShadowPipe = fs::path(FORMAL_DESIGNS) / "shadow_pipe.sv";

// edge_detect's outputs in full, from its ports alone.
const char* kEdgeComplete =
    "r1: assert property (@(posedge clk) $past(rst_n) && $past(rst_n,2) |-> rise == ($past(sig) && !$past(sig,2)));\n"
    "f1: assert property (@(posedge clk) $past(rst_n) && $past(rst_n,2) |-> fall == (!$past(sig) && $past(sig,2)));\n";
const char* kEdgeWeak = "not_both: assert property (@(posedge clk) disable iff (!rst_n) !(rise && fall));\n";
const char* kShadowOnly = "shadow_counts: assert property (@(posedge clk) shadow == $past(shadow) + 3'd1);\n";

}  // namespace

TEST(AssertionMutants, CompleteSetCatchesEveryFaultAndAWeakOneFewerOnTheSameMutants) {
  MutantCache cache;
  Scored strong = score(request(kEdgeDetect, "edge_detect", kEdgeComplete), cache, 12, 1);
  Scored weak = score(request(kEdgeDetect, "edge_detect", kEdgeWeak), cache, 12, 1);
  EXPECT_EQ(cache.computed(), 1) << "the second set must be scored on the kept mutants";
  EXPECT_TRUE(weak.score.mutantsFromCache);
  ASSERT_GT(strong.score.nonEquivalent, 3);
  EXPECT_EQ(strong.score.countedAssertions, 2);
  ASSERT_TRUE(strong.score.score.has_value());
  EXPECT_DOUBLE_EQ(*strong.score.score, 1.0);
  EXPECT_EQ(strong.score.caught, strong.score.nonEquivalent);
  ASSERT_TRUE(weak.score.score.has_value());
  EXPECT_EQ(weak.score.nonEquivalent, strong.score.nonEquivalent);
  EXPECT_LT(weak.score.caught, weak.score.nonEquivalent);
  EXPECT_GT(weak.score.caught, 0);
  // Each caught mutant is named by an assertion that got `cex` on it.
  for (const auto& o : weak.score.outcomes)
    EXPECT_EQ(o.caught, !o.caughtBy.empty()) << o.index;
  ASSERT_EQ(weak.score.assertions.size(), 1u);
  EXPECT_EQ(static_cast<int>(weak.score.assertions[0].caught.size()), weak.score.caught);
}

TEST(AssertionMutants, AssertionsNotProvenOnTheDesignCatchNothing) {
  MutantCache cache;
  // A false assertion (cex on the design) would fail on most mutants too; it must not count.
  Scored s = score(request(kEdgeDetect, "edge_detect", "wrong: assert property (@(posedge clk) !rise);\n"), cache, 8, 1);
  ASSERT_EQ(s.onDesign.assertions.size(), 1u);
  EXPECT_EQ(s.onDesign.assertions[0].verdict, FormalVerdict::Cex);
  EXPECT_EQ(s.score.countedAssertions, 0);
  EXPECT_EQ(s.score.caught, 0);
  ASSERT_TRUE(s.score.score.has_value());
  EXPECT_DOUBLE_EQ(*s.score.score, 0.0);
}

TEST(AssertionMutants, EquivalentMutantsAreNotCountedEvenWhenAnAssertionFailsOnThem) {
  MutantCache cache;
  const CheckRequest req = request(kShadowPipe, "shadow_pipe", kShadowOnly);
  Scored s = score(req, cache, 10, 1);
  ASSERT_EQ(s.score.countedAssertions, 1);
  ASSERT_GE(s.score.equivalent, 1);
  EXPECT_EQ(s.score.equivalent + s.score.unknown + s.score.nonEquivalent, s.score.mutants);
  // The counter no output shows is all the assertion sees: it catches no fault at the ports.
  EXPECT_EQ(s.score.caught, 0);
  ASSERT_TRUE(s.score.score.has_value());
  EXPECT_DOUBLE_EQ(*s.score.score, 0.0);
  // Yet it does fail on a mutant of that counter, which the judge proved equivalent.
  auto mutants = cache.get({req.design, "shadow_pipe", "rst", false, 10, 1}, {});
  ASSERT_TRUE(mutants.ok());
  bool failsOnAnEquivalentOne = false;
  for (const auto& m : (*mutants)->mutants) {
    if (m.equivalence != equiv::EquivVerdict::Equivalent || !contains(m.mutant.command, "-wire shadow")) continue;
    CheckRequest onMutant = req;
    onMutant.design = {{"mutant.v", m.mutant.code}};
    onMutant.reset = {ResetChoice::Mode::Given, "rst", 1};
    auto r = checkAssertions(onMutant, checkOptions());
    ASSERT_TRUE(r.ok());
    failsOnAnEquivalentOne = failsOnAnEquivalentOne || r->assertions[0].verdict == FormalVerdict::Cex;
  }
  EXPECT_TRUE(failsOnAnEquivalentOne);
  for (const auto& o : s.score.outcomes)
    if (o.equivalence == equiv::EquivVerdict::Equivalent) {
      EXPECT_FALSE(o.caught) << o.index;
    }
}

TEST(AssertionMutants, TheSameSeedGivesTheSameScoreAndAnotherSeedOtherMutants) {
  MutantCache first, second, third;
  const CheckRequest req = request(kEdgeDetect, "edge_detect", kEdgeWeak);
  Scored a = score(req, first, 8, 3);
  Scored b = score(req, second, 8, 3);
  Scored c = score(req, third, 8, 4);
  EXPECT_FALSE(b.score.mutantsFromCache);
  ASSERT_EQ(a.score.outcomes.size(), b.score.outcomes.size());
  for (std::size_t i = 0; i < a.score.outcomes.size(); ++i) {
    EXPECT_EQ(a.score.outcomes[i].mutation, b.score.outcomes[i].mutation);
    EXPECT_EQ(a.score.outcomes[i].equivalence, b.score.outcomes[i].equivalence);
    EXPECT_EQ(a.score.outcomes[i].caught, b.score.outcomes[i].caught);
  }
  EXPECT_EQ(a.score.score, b.score.score);
  EXPECT_EQ(mutationScoreToJson(a.score).size() > 0, true);
  std::vector<std::string> mutationsA, mutationsC;
  for (const auto& o : a.score.outcomes) mutationsA.push_back(o.mutation);
  for (const auto& o : c.score.outcomes) mutationsC.push_back(o.mutation);
  EXPECT_NE(mutationsA, mutationsC);
}

TEST(AssertionMutants, MutantsTheJudgeCannotDecideGiveNoScoreNeverAHighOne) {
  MutantCache cache;
  // A budget no proof fits in: every mutant is `unknown`, as when each one times out.
  Scored s = score(request(kEdgeDetect, "edge_detect", kEdgeComplete), cache, 6, 1, 0.001);
  EXPECT_GT(s.score.mutants, 0);
  EXPECT_EQ(s.score.unknown, s.score.mutants);
  EXPECT_EQ(s.score.nonEquivalent, 0);
  EXPECT_EQ(s.score.caught, 0);
  EXPECT_FALSE(s.score.score.has_value());
  EXPECT_TRUE(contains(describeScore(s.score), "none"));
  auto j = nlohmann::json::parse(mutationScoreToJson(s.score));
  EXPECT_TRUE(j["score"].is_null());
  EXPECT_EQ(j["unknown"], s.score.mutants);
}

TEST(AssertionMutants, MutantsKeepTheSignalsAssertionsName) {
  EXPECT_TRUE(contains(mutate::listScript("r", "t", 5, 1, true), "setattr -set keep 1 w:*"));
  EXPECT_FALSE(contains(mutate::listScript("r", "t", 5, 1), "setattr -set keep"));
  EXPECT_TRUE(contains(mutate::applyScript("r", "t", {"mutate -mode inv"}, true), "setattr -set keep 1 w:*"));
}

TEST(AssertionMutants, OnlyTheChosenAssertionsAreProven) {
  CheckRequest req = request(kEdgeDetect, "edge_detect", std::string(kEdgeWeak) + kEdgeComplete);
  req.onlyAssertions = std::set<int>{1};
  auto r = checkAssertions(req, checkOptions());
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->assertions.size(), 3u);
  EXPECT_EQ(r->assertions[0].verdict, FormalVerdict::Undetermined);
  EXPECT_EQ(r->assertions[0].message, "not checked");
  EXPECT_EQ(r->assertions[1].verdict, FormalVerdict::Proven);
  EXPECT_EQ(r->assertions[2].verdict, FormalVerdict::Undetermined);
}

TEST(AssertionMutants, CheckPrintsWhichMutantsEachAssertionCatches) {
  auto tmp = TempDir::create("assert-mutants-cli");
  ASSERT_TRUE(tmp.ok());
  ASSERT_TRUE(writeFile(tmp->path() / "props.sv", std::string(kEdgeWeak) + kEdgeComplete).ok());
  auto run = [&](std::vector<std::string> args) {
    ProcessSpec spec;
    spec.argv = {RTLARENA_BINARY, "check", "--design", kEdgeDetect.string(), "--top", "edge_detect", "--props", "props.sv"};
    spec.argv.insert(spec.argv.end(), args.begin(), args.end());
    spec.workDir = tmp->path().string();
    spec.env = defaultToolEnv(spec.workDir);
    spec.env["RTLARENA_CACHE"] = (tmp->path() / "cache").string();
    spec.deadline = std::chrono::seconds(300);
    spec.outputCap = 1 << 20;
    auto r = runProcess(spec);
    EXPECT_TRUE(r.ok());
    return r.ok() ? *r : ProcessResult{};
  };
  auto json = run({"--mutants", "8", "--seed", "2", "--json"});
  ASSERT_EQ(json.exitCode, 0) << json.err;
  auto j = nlohmann::json::parse(json.out, nullptr, false);
  ASSERT_TRUE(j.is_object()) << json.out;
  const auto& m = j["mutation"];
  EXPECT_EQ(m["seed"], 2);
  EXPECT_EQ(m["mutants_asked"], 8);
  ASSERT_EQ(m["assertions"].size(), 3u);
  EXPECT_EQ(m["assertions"][0]["name"], "not_both");
  EXPECT_DOUBLE_EQ(m["score"].get<double>(), 1.0) << json.out;
  EXPECT_TRUE(fs::exists(tmp->path() / "cache" / "assert-mutants"));
  auto text = run({"--mutants", "8", "--seed", "2"});
  EXPECT_EQ(text.exitCode, 0) << text.err;
  EXPECT_TRUE(contains(text.out, "r1 ")) << text.out;
  EXPECT_TRUE(contains(text.out, "mutation score: ")) << text.out;
  EXPECT_TRUE(contains(text.out, "catches")) << text.out;
  // --seed means nothing without --mutants: a usage error.
  EXPECT_EQ(run({"--seed", "2"}).exitCode, 2);
}

namespace {

ProcessResult cli(std::vector<std::string> args, const fs::path& cwd) {
  return ::rtlarena::test_support::runRtlarena(args, {cwd, {{"RTLARENA_CACHE", (cwd / "cache").string()}}});
}

}  // namespace

TEST(AssertionMutantsRun, RunStoresEachAnswersScoreAndResumesWithoutMutatingAgain) {
  auto tmp = TempDir::create("assert-mutants-run");
  ASSERT_TRUE(tmp.ok());
  const std::string out = (tmp->path() / "run").string();
  const std::vector<std::string> args = {"run", "--suite", "assertions", "--task", "edge_detect", "--model", "reference",
                                         "--assert-mutants", "8", "--controls", "--no-control-cache", "--no-progress",
                                         "-j", "2", "--out", out, "--json"};
  auto first = cli(args, tmp->path());
  ASSERT_EQ(first.exitCode, 0) << first.err << first.out;
  auto j = nlohmann::json::parse(first.out, nullptr, false);
  ASSERT_TRUE(j.is_object() && j.contains("assert-mutants")) << first.out;
  const auto& part = j["assert-mutants"];
  EXPECT_EQ(part["mutants_asked"], 8);
  EXPECT_GT(part["non_equivalent"].get<int>(), 0);
  // The golden properties of edge_detect catch every fault among these mutants; the reference
  // model answers with them.
  EXPECT_DOUBLE_EQ(part["golden"]["score"].get<double>(), 1.0) << first.out;
  EXPECT_DOUBLE_EQ(part["model"]["score"].get<double>(), 1.0) << first.out;
  {
    auto store = Store::openReadOnly(out);
    ASSERT_TRUE(store.ok());
    auto extras = (*store)->extras(kAssertMutantsMode);
    ASSERT_TRUE(extras.ok());
    std::set<std::string> keys;
    for (const auto& [key, text] : *extras) keys.insert(key);
    EXPECT_TRUE(keys.count("assert-mutants:edge_detect#0"));
    EXPECT_TRUE(keys.count("golden-assert-mutants:edge_detect#0"));
  }
  // Resumed: the scores come from the store, so the mutants are not made again.
  fs::remove_all(tmp->path() / "cache" / "assert-mutants");
  auto again = cli(args, tmp->path());
  ASSERT_EQ(again.exitCode, 0) << again.err;
  auto k = nlohmann::json::parse(again.out, nullptr, false);
  ASSERT_TRUE(k.is_object());
  EXPECT_EQ(k["assert-mutants"], part);
  EXPECT_FALSE(fs::exists(tmp->path() / "cache" / "assert-mutants"));
  // The export carries each sample's score.
  auto exported = cli({"export", out}, tmp->path());
  EXPECT_EQ(exported.exitCode, 0) << exported.err;
  EXPECT_TRUE(contains(exported.out, "\"assert_mutants\":{")) << exported.out;
  // The text summary shows it.
  auto text = cli({"run", "--suite", "assertions", "--task", "edge_detect", "--model", "reference", "--assert-mutants", "8",
                   "--controls", "--no-control-cache", "--no-progress", "--out", out},
                  tmp->path());
  EXPECT_TRUE(contains(text.out, "mutation score (model)")) << text.out;
}

TEST(AssertionMutantsRun, DesignTasksAreRefusedBeforeAnythingIsStored) {
  auto tmp = TempDir::create("assert-mutants-refused");
  ASSERT_TRUE(tmp.ok());
  auto r = cli({"run", "--suite", "core", "--task", "gray_counter4", "--model", "reference", "--assert-mutants", "4",
                "--no-progress", "--out", (tmp->path() / "run").string()},
               tmp->path());
  EXPECT_EQ(r.exitCode, 2) << r.err;
  EXPECT_TRUE(contains(r.err, "--assert-mutants scores assertion tasks")) << r.err;
  EXPECT_FALSE(fs::exists(tmp->path() / "run" / "results.sqlite"));
}

TEST(AssertionMutantsRun, EvalAddsTheScoreOfOneAnswer) {
  auto tmp = TempDir::create("assert-mutants-eval");
  ASSERT_TRUE(tmp.ok());
  const fs::path task = kRoot / "datasets/assertions/edge_detect";
  ASSERT_TRUE(writeFile(tmp->path() / "weak.sv", kEdgeWeak).ok());
  auto r = cli({"eval", "--task", task.string(), (tmp->path() / "weak.sv").string(), "--assert-mutants", "8", "--json"},
               tmp->path());
  EXPECT_EQ(r.exitCode, 0) << r.err << r.out;
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_TRUE(j.is_object()) << r.out;
  ASSERT_TRUE(j.contains("mutation")) << r.out;
  EXPECT_LT(j["mutation"]["score"].get<double>(), 1.0);
  EXPECT_GT(j["mutation"]["non_equivalent"].get<int>(), 0);
}

// The judge counts flip-flops clocked by an input among cells only: a wire aliasing part of an
// input (rv_imm_gen's `opcode = instr[6:0]`) once made every mutant of such a design `unknown`.
TEST(AssertionMutants, JudgeTrustsTheClockOfADesignWithAnInputAlias) {
  auto design = readFile(kRoot / "datasets/assertions/rv_imm_gen/design.sv");
  ASSERT_TRUE(design.ok());
  auto r = equiv::judgeEquivalence(*design, "rv_imm_gen", *design, "rv_imm_gen", {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->verdict, equiv::EquivVerdict::Equivalent) << r->reason;
}

TEST(AssertionMutants, MutantsKeptOnDiskAreReadBackByAnotherCache) {
  auto tmp = TempDir::create("assert-mutants-disk");
  ASSERT_TRUE(tmp.ok());
  const std::string dir = (tmp->path() / "cache").string();
  const DesignMutantsRequest req{{file(kEdgeDetect)}, "edge_detect", "rst_n", true, 4, 5};
  MutantCache first(dir), second(dir), otherSeed(dir);
  auto made = first.get(req, {});
  ASSERT_TRUE(made.ok()) << made.error().message;
  EXPECT_FALSE((*made)->fromCache);
  EXPECT_EQ(first.computed(), 1);
  auto read = second.get(req, {});
  ASSERT_TRUE(read.ok());
  EXPECT_TRUE((*read)->fromCache);
  EXPECT_EQ(second.computed(), 0);
  ASSERT_EQ((*read)->mutants.size(), (*made)->mutants.size());
  for (std::size_t i = 0; i < (*made)->mutants.size(); ++i) {
    EXPECT_EQ((*read)->mutants[i].mutant.code, (*made)->mutants[i].mutant.code);
    EXPECT_EQ((*read)->mutants[i].equivalence, (*made)->mutants[i].equivalence);
  }
  // Another seed is another key: made again.
  DesignMutantsRequest seed6 = req;
  seed6.seed = 6;
  auto other = otherSeed.get(seed6, {});
  ASSERT_TRUE(other.ok());
  EXPECT_FALSE((*other)->fromCache);
  EXPECT_NE(designMutantsKey(req), designMutantsKey(seed6));
}
