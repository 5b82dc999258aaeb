// Readers of a run open its store read-only: a folder that is not a run is refused by name
// and left exactly as it was; a real run is read but never written.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "rtlarena/core/files.h"
#include "rtlarena/run/summary.h"
#include "rtlarena/store/store.h"

namespace rtlarena {
namespace {

namespace fs = std::filesystem;

std::set<std::string> listing(const fs::path& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) out.insert(e.path().lexically_relative(dir).string());
  return out;
}

TEST(ReadOnlyStore, AFolderThatIsNotARunIsRefusedAndLeftUnchanged) {
  auto dir = TempDir::create("not-a-run");
  ASSERT_TRUE(dir.ok());
  ASSERT_TRUE(writeFile(dir->path() / "notes.txt", "hello").ok());
  const auto before = listing(dir->path());
  auto store = Store::openReadOnly(dir->path());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::NotFound);
  EXPECT_NE(store.error().message.find(dir->path().string()), std::string::npos) << store.error().message;
  auto summary = summarizeStore(dir->path().string());
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().code, ErrorCode::NotFound);
  EXPECT_EQ(listing(dir->path()), before);
}

TEST(ReadOnlyStore, AMissingFolderIsNotCreated) {
  auto dir = TempDir::create("not-a-run");
  ASSERT_TRUE(dir.ok());
  const fs::path missing = dir->path() / "nosuch";
  EXPECT_FALSE(Store::openReadOnly(missing).ok());
  EXPECT_FALSE(fs::exists(missing));
}

TEST(ReadOnlyStore, AFileThatIsNotAStoreIsRefusedByName) {
  auto dir = TempDir::create("not-a-run");
  ASSERT_TRUE(dir.ok());
  ASSERT_TRUE(writeFile(dir->path() / "results.sqlite", "not sqlite at all, just some text here").ok());
  auto store = Store::openReadOnly(dir->path());
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.error().message.find(dir->path().string()), std::string::npos) << store.error().message;
  auto text = readFile(dir->path() / "results.sqlite");
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, "not sqlite at all, just some text here");
}

TEST(ReadOnlyStore, ARunIsReadButNotWritten) {
  auto dir = TempDir::create("run");
  ASSERT_TRUE(dir.ok());
  {
    auto rw = Store::open(dir->path() / "results.sqlite");
    ASSERT_TRUE(rw.ok());
    RunRecord r;
    r.runId = "r1";
    ASSERT_TRUE((*rw)->createRun(r).ok());
    EvalRecord e;
    e.taskId = "t";
    e.eval.verdict = Verdict::Pass;
    ASSERT_TRUE((*rw)->putEvaluation(e).ok());
  }
  auto ro = Store::openReadOnly(dir->path());
  ASSERT_TRUE(ro.ok()) << ro.error().message;
  auto evals = (*ro)->evaluations("native");
  ASSERT_TRUE(evals.ok());
  EXPECT_EQ(evals->size(), 1u);
  EXPECT_FALSE((*ro)->putExtra("x", "y", "{}").ok());
  auto summary = summarizeStore(dir->path().string());
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  EXPECT_EQ(summary->runId, "r1");
  EXPECT_DOUBLE_EQ(summary->passAt.at(1), 1.0);
}

}  // namespace
}  // namespace rtlarena
