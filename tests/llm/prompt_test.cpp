// Prompt templates and in-context examples.
#include "rtlarena/llm/prompt.h"

#include <gtest/gtest.h>

#include "rtlarena/core/files.h"
#include "rtlarena/core/text.h"
#include "rtlarena/tasks/suite.h"

namespace rtlarena {
namespace {

Task specTask() {
  Task t;
  t.id = "inv";
  t.kind = TaskKind::SpecToRtl;
  t.spec = "Invert `a` onto `y`.\n";
  t.interface = "module TopModule(input a, output y);";
  return t;
}

TEST(Prompt, OurTemplatesGiveSystemAndUserWithFormatInstruction) {
  auto m = renderPrompt(specTask(), {});
  ASSERT_TRUE(m) << m.error().message;
  ASSERT_EQ(m->size(), 2u);
  EXPECT_EQ((*m)[0].role, "system");
  EXPECT_EQ((*m)[1].role, "user");
  const std::string& user = (*m)[1].content;
  EXPECT_TRUE(contains(user, "Invert `a` onto `y`."));
  EXPECT_TRUE(contains(user, "module TopModule(input a, output y);"));
  EXPECT_TRUE(contains(user, "[BEGIN]"));
  EXPECT_TRUE(contains(user, "`TopModule`"));  // {top} inside the format instruction
  EXPECT_FALSE(contains(user, "{"));          // no placeholder left
}

TEST(Prompt, ShotsAddExamplePairsOfTheSameKindFirst) {
  Task t = specTask();
  auto m = renderPrompt(t, {2, ""});
  ASSERT_TRUE(m) << m.error().message;
  ASSERT_EQ(m->size(), 6u);
  EXPECT_EQ((*m)[1].role, "user");
  EXPECT_EQ((*m)[2].role, "assistant");
  EXPECT_TRUE(startsWith((*m)[2].content, "[BEGIN]\nmodule TopModule"));
  EXPECT_TRUE(contains((*m)[2].content, "[DONE]"));
  EXPECT_FALSE(contains((*m)[2].content, "RefModule"));
  EXPECT_TRUE(contains((*m)[1].content, "Design the hardware module"));  // spec-to-rtl examples
  EXPECT_TRUE(contains((*m)[3].content, "Design the hardware module"));

  t.kind = TaskKind::CodeComplete;
  auto c = renderPrompt(t, {1, ""});
  ASSERT_TRUE(c);
  EXPECT_TRUE(contains((*c)[1].content, "Complete the hardware module"));
}

TEST(Prompt, AssertionTasksShowTheDesignAndAskForAssertionsOnly) {
  auto tasks = loadSuite("assertions");
  ASSERT_TRUE(tasks) << tasks.error().message;
  const Task& t = tasks->front();
  auto m = renderPrompt(t, {});
  ASSERT_TRUE(m) << m.error().message;
  const std::string& user = m->back().content;
  EXPECT_TRUE(contains(user, std::string(trim(t.spec))));
  EXPECT_TRUE(contains(user, "module " + t.top));
  EXPECT_TRUE(contains(user, "assert property"));
  EXPECT_FALSE(contains(user, "{design}"));
  auto nl = loadSuite("nl2sva");
  ASSERT_TRUE(nl) << nl.error().message;
  auto n = renderPrompt(nl->front(), {});
  ASSERT_TRUE(n) << n.error().message;
  EXPECT_TRUE(contains(n->back().content, std::string(trim(nl->front().spec))));
  // A template folder without the kind's template names the missing file.
  auto dir = TempDir::create("prompts-noassert");
  ASSERT_TRUE(dir);
  for (const char* f : {"system.txt", "spec-to-rtl.txt", "code-complete.txt"})
    ASSERT_TRUE(writeFile(dir->path() / f, "x {spec}"));
  auto missing = renderPrompt(t, {0, dir->path().string()});
  ASSERT_FALSE(missing);
  EXPECT_TRUE(contains(missing.error().message, "assertion.txt")) << missing.error().message;
}

TEST(Prompt, TooManyShotsIsAnError) {
  auto m = renderPrompt(specTask(), {99, ""});
  ASSERT_FALSE(m);
  EXPECT_EQ(m.error().code, ErrorCode::BadArgument);
}

TEST(Prompt, ExampleTasksAreNotInAnyEvaluationSuite) {
  auto examples = loadSuiteDir(datasetsRoot() / "prompts" / "examples", /*withBadVariants=*/false);
  ASSERT_TRUE(examples) << examples.error().message;
  EXPECT_GE(examples->size(), 4u);
  for (const auto& suite : listSuites()) {
    auto tasks = loadSuite(suite);
    ASSERT_TRUE(tasks);
    for (const auto& t : *tasks)
      for (const auto& e : *examples) {
        EXPECT_NE(t.id, e.id) << suite;
        EXPECT_NE(std::string(trim(t.spec)), std::string(trim(e.spec))) << suite << "/" << t.id;
      }
  }
  for (const auto& s : listSuites()) EXPECT_NE(s, "prompts");
}

TEST(Prompt, ReplacementTemplateDirWithLiteralExamples) {
  auto dir = TempDir::create("prompts");
  ASSERT_TRUE(dir);
  const auto& p = dir->path();
  ASSERT_TRUE(writeFile(p / "system.txt", "SYS"));
  ASSERT_TRUE(writeFile(p / "spec-to-rtl.txt", "Q: {spec}\nHeader: {interface}"));
  ASSERT_TRUE(writeFile(p / "code-complete.txt", "C: {spec}"));
  ASSERT_TRUE(writeFile(p / "examples" / "01" / "user.txt", "example question"));
  ASSERT_TRUE(writeFile(p / "examples" / "01" / "assistant.txt", "example answer"));
  auto m = renderPrompt(specTask(), {1, p.string()});
  ASSERT_TRUE(m) << m.error().message;
  ASSERT_EQ(m->size(), 4u);
  EXPECT_EQ((*m)[0].content, "SYS");
  EXPECT_EQ((*m)[1].content, "example question");
  EXPECT_EQ((*m)[2].content, "example answer");
  EXPECT_EQ((*m)[3].content, "Q: Invert `a` onto `y`.\nHeader: module TopModule(input a, output y);");
}

TEST(Prompt, MissingTemplateNamesTheFile) {
  auto dir = TempDir::create("prompts");
  ASSERT_TRUE(dir);
  auto m = renderPrompt(specTask(), {0, dir->path().string()});
  ASSERT_FALSE(m);
  EXPECT_TRUE(contains(m.error().message, "system.txt"));
}

}  // namespace
}  // namespace rtlarena
