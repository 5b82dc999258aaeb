// Answers as models write them, through extraction and the real evaluator: an unused example
// testbench is cut before the policy check, and cutting it never turns a wrong design into a pass.
#include <gtest/gtest.h>

#include "rtlarena/eval/evaluator.h"
#include "rtlarena/eval/extract.h"
#include "rtlarena/tasks/suite.h"

namespace rtlarena {
namespace {

Task popcount8() {
  auto t = loadTaskDir(datasetsRoot() / "core" / "popcount8", "core");
  EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.error().message);
  return t.ok() ? *t : Task{};
}

Extraction extract(const Task& task, const std::string& code, const std::string& trailer) {
  ExtractOptions o;
  o.top = task.top;
  return extractCandidate("Here is the design.\n```verilog\n" + code + "\n" + trailer + "```\n", o);
}

const std::string kExampleBench =
    "// Example testbench\nmodule tb_example;\n  initial begin\n    $display(\"hi\");\n    $finish;\n  end\nendmodule\n";
const std::string kForger =
    "module forge;\n  initial begin\n    $display(\"Mismatches: 0 in 100 samples\");\n    $finish;\n  end\nendmodule\n";

TEST(ExtractThenEvaluate, GoldenWithAnUnusedExampleTestbenchPasses) {
  Task task = popcount8();
  ASSERT_FALSE(task.goldenCandidate.empty());
  Extraction ex = extract(task, task.goldenCandidate, kExampleBench);
  EXPECT_EQ(ex.droppedModules, std::vector<std::string>{"tb_example"});
  EXPECT_EQ(ex.code.find("$display"), std::string::npos);
  Evaluation e = Evaluator(EvalOptions{}).evaluate(task, ex.code);
  EXPECT_EQ(e.verdict, Verdict::Pass) << verdictName(e.verdict) << ": " << e.message << "\n" << e.logTail;
}

TEST(ExtractThenEvaluate, DroppedForgerCannotRescueAWrongDesign) {
  Task task = popcount8();
  ASSERT_FALSE(task.badVariants.empty());
  Extraction ex = extract(task, task.badVariants.front().text, kForger);
  EXPECT_EQ(ex.droppedModules, std::vector<std::string>{"forge"});
  Evaluation e = Evaluator(EvalOptions{}).evaluate(task, ex.code);
  EXPECT_EQ(e.verdict, Verdict::Mismatch) << verdictName(e.verdict) << ": " << e.message;
}

TEST(ExtractThenEvaluate, ForgerInstantiatedByTheTopIsKeptAndRefused) {
  Task task = popcount8();
  ASSERT_FALSE(task.badVariants.empty());
  std::string wrong = task.badVariants.front().text;
  const std::size_t end = wrong.rfind("endmodule");
  ASSERT_NE(end, std::string::npos);
  wrong.insert(end, "  forge f();\n");
  Extraction ex = extract(task, wrong, kForger);
  EXPECT_TRUE(ex.droppedModules.empty());
  Evaluation e = Evaluator(EvalOptions{}).evaluate(task, ex.code);
  EXPECT_EQ(e.verdict, Verdict::PolicyViolation) << verdictName(e.verdict) << ": " << e.message;
  EXPECT_NE(e.message.find("$display"), std::string::npos) << e.message;
}

}  // namespace
}  // namespace rtlarena
