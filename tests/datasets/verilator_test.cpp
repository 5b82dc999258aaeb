// The Verilator backend with the reused runtime, and `auto` (slow: the first run builds the
// runtime cache).
#include <gtest/gtest.h>

#include "rtlarena/core/text.h"
#include "rtlarena/eval/evaluator.h"
#include "rtlarena/eval/isolation.h"
#include "rtlarena/eval/verilator.h"
#include "rtlarena/tasks/suite.h"
#include "rtlarena/tasks/dataset.h"

namespace rtlarena {
namespace {

const std::string kFixtures = std::string(RTLARENA_SOURCE_DIR) + "/tests/datasets/fixtures/";

TEST(VerilatorBackend, RunsForeignTestbenchesWithTheReusedRuntime) {
  auto rt = verilatorRuntime();
  ASSERT_TRUE(rt.ok()) << rt.error().message;
  auto tasks = loadDataset("verilogeval2:" + kFixtures + "verilogeval2/dataset_spec-to-rtl");
  ASSERT_TRUE(tasks.ok());
  EvalOptions o;
  o.simulator = SimulatorKind::Verilator;
  o.policyCheck = false;
  Evaluator ev(o);
  const Task& counter = (*tasks)[2];
  Evaluation good = ev.evaluate(counter, counter.goldenCandidate);
  EXPECT_TRUE(good.passed()) << verdictName(good.verdict) << " " << good.message << "\n" << good.logTail;
  EXPECT_EQ(good.simulator, "verilator");
  EXPECT_EQ(good.samples, 602);
  Evaluation wrong = ev.evaluate(counter, replaceAll(counter.goldenCandidate, "4'd9", "4'd8"));
  EXPECT_EQ(wrong.verdict, Verdict::Mismatch) << wrong.message << "\n" << wrong.logTail;
  Evaluation syntax = ev.evaluate(counter, "module TopModule(input clk output q); endmodule");
  EXPECT_EQ(syntax.verdict, Verdict::SyntaxError) << syntax.logTail;
}

TEST(VerilatorBackend, PassMessageBenchesWork) {
  auto tasks = loadDataset("rtllm:" + kFixtures + "rtllm");
  ASSERT_TRUE(tasks.ok());
  EvalOptions o;
  o.simulator = SimulatorKind::Verilator;
  o.policyCheck = false;
  Evaluator ev(o);
  Evaluation e = ev.evaluate((*tasks)[1], (*tasks)[1].goldenCandidate);
  EXPECT_TRUE(e.passed()) << verdictName(e.verdict) << " " << e.message << "\n" << e.logTail;
}

TEST(AutoSimulator, ShortBenchesStayOnIcarus) {
  auto tasks = loadDataset("verilogeval2:" + kFixtures + "verilogeval2/dataset_spec-to-rtl");
  ASSERT_TRUE(tasks.ok());
  EvalOptions o;
  o.simulator = SimulatorKind::Auto;
  o.policyCheck = false;
  Evaluation e = Evaluator(o).evaluate((*tasks)[1], (*tasks)[1].goldenCandidate);
  EXPECT_TRUE(e.passed());
  EXPECT_EQ(e.simulator, "icarus");
}

// The inv8 fixture with its loop raised to `iterations` cycles, and a comment that makes its
// bench new to the cost memory on every test run.
Task longInv8(long iterations) {
  auto t = loadTaskDir(std::string(RTLARENA_SOURCE_DIR) + "/tests/fixtures/tasks/inv8", "fixtures");
  EXPECT_TRUE(t.ok());
  Task task = *t;
  task.testbench = "// run " + isolationSuffix() + "\n" +
                   replaceAll(task.testbench, "i < 50;", "i < " + std::to_string(iterations) + ";");
  task.limits.simSeconds = 60;
  task.limits.compileSeconds = 120;
  return task;
}

TEST(AutoSimulator, BenchPredictedLongIsMeasuredOnIcarusFirst) {
  // 210,000 cycles: just over the text's threshold, but Icarus finishes well inside a Verilator build.
  Task task = longInv8(210000);
  EvalOptions o;
  o.simulator = SimulatorKind::Auto;
  o.policyCheck = false;
  Evaluation first = Evaluator(o).evaluate(task, task.goldenCandidate);
  EXPECT_TRUE(first.passed()) << first.message << "\n" << first.logTail;
  EXPECT_EQ(first.simulator, "icarus");
  Evaluation again = Evaluator(o).evaluate(task, task.goldenCandidate);
  EXPECT_EQ(again.simulator, "icarus");
}

TEST(AutoSimulator, BenchTooLongForIcarusGoesToVerilatorAndIsRemembered) {
  Task task = longInv8(5000000);
  EvalOptions o;
  o.simulator = SimulatorKind::Auto;
  o.policyCheck = false;
  Evaluation first = Evaluator(o).evaluate(task, task.goldenCandidate);
  EXPECT_TRUE(first.passed()) << first.message << "\n" << first.logTail;
  EXPECT_EQ(first.simulator, "verilator");
  Evaluation again = Evaluator(o).evaluate(task, task.goldenCandidate);
  EXPECT_TRUE(again.passed()) << again.message;
  EXPECT_EQ(again.simulator, "verilator");
}

}  // namespace
}  // namespace rtlarena
