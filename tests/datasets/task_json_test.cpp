// The native task loader enforces what docs/TASK_FORMAT.md says: unknown keys are errors (with a
// suggestion), task ids are [a-z0-9_]+, and every task has at least two wrong designs.
#include <gtest/gtest.h>

#include <filesystem>

#include "rtlarena/core/files.h"
#include "rtlarena/core/text.h"
#include "rtlarena/tasks/suite.h"

namespace rtlarena {
namespace {

namespace fs = std::filesystem;
const fs::path kInv8 = fs::path(RTLARENA_SOURCE_DIR) / "tests/fixtures/tasks/inv8";

// A copy of the inv8 fixture named `id`, with `edit` applied to its task.json.
struct Copy {
  TempDir dir;
  fs::path task;
};
Copy copyFixture(const std::string& id, const std::string& from = "", const std::string& to = "") {
  auto d = TempDir::create("taskjson");
  EXPECT_TRUE(d.ok());
  fs::path task = d->path() / id;
  fs::copy(kInv8, task, fs::copy_options::recursive);
  auto json = readFile(task / "task.json");
  std::string text = replaceAll(*json, "\"inv8\"", "\"" + id + "\"");
  if (!from.empty()) text = replaceAll(text, from, to);
  EXPECT_TRUE(writeFile(task / "task.json", text).ok());
  return {std::move(*d), task};
}

TEST(TaskJson, TheFixtureLoads) {
  auto c = copyFixture("inv8");
  EXPECT_TRUE(loadTaskDir(c.task, "s").ok());
}

TEST(TaskJson, AMisspeltKeyIsAnErrorWithASuggestion) {
  auto c = copyFixture("inv8", "\"difficulty\"", "\"difficuly\"");
  auto t = loadTaskDir(c.task, "s");
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.error().message.find("unknown field 'difficuly'"), std::string::npos) << t.error().message;
  EXPECT_NE(t.error().message.find("did you mean 'difficulty'"), std::string::npos) << t.error().message;
}

TEST(TaskJson, AMisspeltLimitIsAnError) {
  auto c = copyFixture("inv8", "\"sim_timeout_s\"", "\"sim_timeout\"");
  auto t = loadTaskDir(c.task, "s");
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.error().message.find("limits.sim_timeout"), std::string::npos) << t.error().message;
}

TEST(TaskJson, IdsAreLowerCaseLettersDigitsAndUnderscores) {
  auto c = copyFixture("T8");
  auto t = loadTaskDir(c.task, "s");
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.error().message.find("'T8'"), std::string::npos) << t.error().message;
}

TEST(TaskJson, FewerThanTwoWrongDesignsIsAnError) {
  auto c = copyFixture("inv8");
  fs::remove(c.task / "bad" / "combinational.sv");
  auto one = loadTaskDir(c.task, "s");
  ASSERT_FALSE(one.ok());
  EXPECT_NE(one.error().message.find("at least two"), std::string::npos) << one.error().message;
  fs::remove_all(c.task / "bad");
  EXPECT_FALSE(loadTaskDir(c.task, "s").ok());
}

}  // namespace
}  // namespace rtlarena
