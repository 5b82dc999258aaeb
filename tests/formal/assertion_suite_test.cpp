// The controls of our formal suites: in datasets/assertions every golden assertion is proven (not
// vacuous) and every wrong one gets a counterexample; in datasets/nl2sva every reference is
// equivalent to itself and every changed one is not.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "rtlarena/formal/answer_judge.h"
#include "rtlarena/tasks/suite.h"

using namespace rtlarena;
using namespace rtlarena::formal;
namespace fs = std::filesystem;

namespace {

CheckOptions options() {
  CheckOptions o;
  o.jobs = 2;
  return o;
}

std::vector<Task> suite(const std::string& name) {
  auto tasks = loadSuiteDir(fs::path(RTLARENA_SOURCE_DIR) / "datasets" / name);
  EXPECT_TRUE(tasks.ok()) << (tasks.ok() ? "" : tasks.error().describe());
  return tasks.ok() ? *tasks : std::vector<Task>{};
}

}  // namespace

TEST(AssertionSuite, GoldenAssertionsAreProvenAndWrongOnesGetCounterexamples) {
  auto tasks = suite("assertions");
  EXPECT_GE(tasks.size(), 25u);
  int golden = 0;
  for (const Task& t : tasks) {
    const auto start = std::chrono::steady_clock::now();
    auto j = judgeAssertionAnswer(t, t.goldenCandidate, options());
    auto d = nlohmann::json::parse(j.detailJson.empty() ? "{}" : j.detailJson);
    EXPECT_EQ(j.eval.verdict, Verdict::Pass) << t.id << ": " << j.eval.message << "\n" << j.eval.logTail;
    golden += d.value("assertions_total", 0);
    for (const auto& bad : t.badVariants) {
      auto b = judgeAssertionAnswer(t, bad.text, options());
      auto bd = nlohmann::json::parse(b.detailJson.empty() ? "{}" : b.detailJson);
      const int total = bd.value("assertions_total", 0);
      EXPECT_GT(total, 0) << t.id << "/" << bad.name << ": " << b.eval.message;
      EXPECT_EQ(bd["counts"].value("cex", 0), total) << t.id << "/" << bad.name << ": " << b.eval.message << "\n"
                                                    << b.eval.logTail;
    }
    std::printf("%-20s %5.2f s\n", t.id.c_str(),
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  EXPECT_GE(golden, 75);
}

TEST(Nl2svaSuite, ReferencesAreEquivalentToThemselvesAndNotToChangedOnes) {
  for (const Task& t : suite("nl2sva")) {
    auto j = judgeNl2svaAnswer(t, t.goldenCandidate, options());
    EXPECT_EQ(j.eval.verdict, Verdict::Pass) << t.id << ": " << j.eval.message;
    for (const auto& bad : t.badVariants) {
      auto b = judgeNl2svaAnswer(t, bad.text, options());
      EXPECT_EQ(b.eval.verdict, Verdict::Mismatch) << t.id << "/" << bad.name << ": " << b.eval.message;
    }
  }
}
