// A mutation analysis folder without any tool: records read back as written, settings that
// differ or a folder holding something else are refused by name, a line cut by a kill is
// dropped while a broken line elsewhere is an error, and the report file says when it is done.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/core/text.h"
#include "rtlarena/mutate/mutation_store.h"
#include "rtlarena/run/run_store.h"

using namespace rtlarena;
using namespace rtlarena::mutate;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const std::string kConfig = R"({"suite":"demo","mutants":4,"seed":1})";

std::unique_ptr<TempDir> tempDir() {
  auto d = TempDir::create("mutstore");
  EXPECT_TRUE(d.ok());
  return std::make_unique<TempDir>(std::move(*d));
}

MutantResult escape(int index) {
  MutantResult r;
  r.mutant.index = index;
  r.mutant.command = "mutate -mode inv -cell $and$" + std::to_string(index);
  r.mutant.description = "inv of $and port Y bit 0 at line 3: assign y = a & b;";
  r.mutant.sourceLine = 3;
  r.mutant.code = "module top(input a, b, output y); assign y = ~(a & b); endmodule\n";
  r.evaluation.verdict = Verdict::Pass;
  r.evaluation.message = "all samples match";
  r.fate = MutantFate::Survived;
  equiv::EquivResult e;
  e.verdict = equiv::EquivVerdict::NotEquivalent;
  e.reason = "counterexample at cycle 0";
  e.engine = "yosys-sat";
  equiv::Counterexample cex;
  cex.cycle = 0;
  cex.inputs = {{{"a", "1"}, {"b", "1"}}};
  cex.outputs = {{"y", "1", "0"}};
  e.counterexample = cex;
  r.equiv = e;
  return r;
}

MutantResult killed(int index) {
  MutantResult r;
  r.mutant.index = index;
  r.mutant.command = "mutate -mode const0 -cell $or$" + std::to_string(index);
  r.evaluation.verdict = Verdict::Mismatch;
  r.evaluation.cls = "functional";
  r.evaluation.message = "2 mismatches in 8 samples";
  r.fate = MutantFate::Killed;
  return r;
}

}  // namespace

TEST(MutationStore, ARecordReadsBackAsWritten) {
  std::string task;
  auto back = mutantRecordFromJson(mutantRecordJson("and2", escape(3)), &task);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(task, "and2");
  EXPECT_EQ(back->mutant.index, 3);
  EXPECT_EQ(back->mutant.command, escape(3).mutant.command);
  EXPECT_EQ(back->mutant.sourceLine, 3);
  EXPECT_EQ(back->fate, MutantFate::Survived);
  EXPECT_EQ(back->evaluation.verdict, Verdict::Pass);
  ASSERT_TRUE(back->equiv && back->equiv->counterexample);
  EXPECT_EQ(back->equiv->verdict, equiv::EquivVerdict::NotEquivalent);
  EXPECT_EQ(back->equiv->counterexample->inputs[0].at("a"), "1");
  ASSERT_EQ(back->equiv->counterexample->outputs.size(), 1u);
  EXPECT_EQ(back->equiv->counterexample->outputs[0].candidate, "0");
  EXPECT_FALSE(mutantRecordFromJson(R"({"task":"x","mutant":1})", nullptr).ok());
  EXPECT_FALSE(mutantRecordFromJson(R"({"task":"x","mutant":1,"mutation":"m","fate":"sideways","verdict":"pass"})", nullptr).ok());
}

TEST(MutationStore, StoredOutcomesAreFoundOnlyForTheSameMutation) {
  auto dir = tempDir();
  const fs::path folder = dir->path() / "mut";
  {
    auto store = MutationStore::open(folder, kConfig, R"({"yosys":"Yosys 0.23"})");
    ASSERT_TRUE(store.ok()) << store.error().message;
    (*store)->record("and2", escape(0));
    (*store)->record("and2", killed(1));
    MutantResult broken = killed(2);
    broken.fate = MutantFate::Error;  // harness errors are retried, never kept
    (*store)->record("and2", broken);
    EXPECT_FALSE((*store)->firstError());
  }
  auto identity = readFile(folder / kAnalysisFile);
  ASSERT_TRUE(identity.ok());
  json id = json::parse(*identity);
  EXPECT_EQ(id["kind"], kAnalysisKind);
  EXPECT_EQ(id["config"], json::parse(kConfig));
  EXPECT_EQ(id["tool_versions"]["yosys"], "Yosys 0.23");
  // the revision of the checkout that made it, as a run records it (the tests run in one)
  ASSERT_TRUE(id["git_revision"].is_string());
  EXPECT_EQ(id["git_revision"].get<std::string>(), gitRevision());
  EXPECT_NE(id["git_revision"].get<std::string>(), "");
  EXPECT_TRUE(fs::exists(folder / "survivors" / "and2" / "mutant_0.v"));
  EXPECT_FALSE(fs::exists(folder / "survivors" / "and2" / "mutant_1.v"));

  auto store = MutationStore::open(folder, kConfig);
  ASSERT_TRUE(store.ok()) << store.error().message;
  auto found = (*store)->find("and2", escape(0).mutant);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->fate, MutantFate::Survived);
  EXPECT_TRUE((*store)->find("and2", killed(1).mutant));
  EXPECT_FALSE((*store)->find("and2", killed(2).mutant));  // the harness error: simulate again
  EXPECT_FALSE((*store)->find("or2", killed(1).mutant));   // another task
  Mutant other = killed(1).mutant;
  other.command = "mutate -mode inv -cell $xor$9";  // same index, another mutation
  EXPECT_FALSE((*store)->find("and2", other));
  EXPECT_EQ((*store)->resumedCount(), 2);
}

TEST(MutationStore, OtherSettingsOrAFolderOfSomethingElseAreRefusedByName) {
  auto dir = tempDir();
  ASSERT_TRUE(MutationStore::open(dir->path() / "mut", kConfig).ok());
  auto other = MutationStore::open(dir->path() / "mut", R"({"suite":"demo","mutants":8,"seed":1})");
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::BadArgument);
  EXPECT_NE(other.error().message.find("'mutants' (stored 4, now 8)"), std::string::npos) << other.error().message;

  ASSERT_TRUE(writeFile(dir->path() / "run" / "results.sqlite", "").ok());
  auto run = MutationStore::open(dir->path() / "run", kConfig);
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.error().code, ErrorCode::NotFound);
  EXPECT_NE(run.error().message.find("holds a benchmark run"), std::string::npos) << run.error().message;
  EXPECT_FALSE(fs::exists(dir->path() / "run" / kAnalysisFile));

  ASSERT_TRUE(writeFile(dir->path() / "broken" / kAnalysisFile, "{\"kind\":").ok());
  auto broken = MutationStore::open(dir->path() / "broken", kConfig);
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().code, ErrorCode::Parse);
  EXPECT_NE(broken.error().message.find("analysis.json"), std::string::npos) << broken.error().message;
}

TEST(MutationStore, ALineCutByAKillIsDroppedABrokenLineElsewhereIsAnError) {
  auto dir = tempDir();
  const fs::path folder = dir->path() / "mut";
  ASSERT_TRUE(MutationStore::open(folder, kConfig).ok());
  const std::string whole = mutantRecordJson("and2", killed(0)) + "\n";
  const std::string cut = mutantRecordJson("and2", killed(1)).substr(0, 30);
  ASSERT_TRUE(writeFile(folder / kMutantsFile, whole + cut).ok());
  {
    auto store = MutationStore::open(folder, kConfig);
    ASSERT_TRUE(store.ok()) << store.error().message;
    EXPECT_TRUE((*store)->find("and2", killed(0).mutant));
    EXPECT_FALSE((*store)->find("and2", killed(1).mutant));
    (*store)->record("and2", killed(1));  // starts on its own line
  }
  auto text = readFile(folder / kMutantsFile);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(splitLines(*text).size(), 2u) << *text;
  for (auto line : splitLines(*text)) EXPECT_TRUE(mutantRecordFromJson(std::string(line), nullptr).ok()) << line;

  ASSERT_TRUE(writeFile(folder / kMutantsFile, cut + "\n" + whole).ok());
  auto bad = MutationStore::open(folder, kConfig);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::Parse);
  EXPECT_NE(bad.error().message.find("mutants.jsonl:1"), std::string::npos) << bad.error().message;
}

TEST(MutationStore, TheReportGrowsByTaskAndSaysWhenItIsComplete) {
  auto dir = tempDir();
  auto store = MutationStore::open(dir->path() / "mut", kConfig);
  ASSERT_TRUE(store.ok());
  TaskMutation t;
  t.taskId = "and2";
  t.mutants = 2;
  t.killed = 1;
  t.survived = 1;
  t.results = {escape(0), killed(1)};
  (*store)->taskFinished(t);
  auto text = readFile(dir->path() / "mut" / kReportFile);
  ASSERT_TRUE(text.ok());
  json j = json::parse(*text);
  EXPECT_EQ(j["complete"], false);
  EXPECT_EQ(j["config"], json::parse(kConfig));
  EXPECT_EQ(j["tasks"]["and2"]["kill_score"], 0.5);
  ASSERT_EQ(j["tasks"]["and2"]["survivors"].size(), 1u);
  EXPECT_EQ(j["tasks"]["and2"]["survivors"][0]["judge"]["output"]["name"], "y");
  ASSERT_TRUE((*store)->markComplete().ok());
  text = readFile(dir->path() / "mut" / kReportFile);
  EXPECT_EQ(json::parse(*text)["complete"], true);
}
