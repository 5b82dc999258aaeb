// Classification from real Icarus Verilog 11 messages (captured from iverilog -g2012 runs).
#include <gtest/gtest.h>

#include "rtlarena/eval/classify.h"

namespace rtlarena {
namespace {

TEST(Classify, SyntaxError) {
  auto e = classifyCompileFailure("candidate.sv:3: syntax error\ncandidate.sv:3: error: invalid module item.\n", "icarus");
  EXPECT_EQ(e.verdict, Verdict::SyntaxError);
}

TEST(Classify, UndeclaredIdentifier) {
  auto e = classifyCompileFailure(
      "candidate.sv:2: error: Unable to bind wire/reg/memory `foo' in `tb.dut'\n"
      "candidate.sv:2: error: Unable to elaborate r-value: foo\n2 error(s) during elaboration.\n",
      "icarus");
  EXPECT_EQ(e.verdict, Verdict::CompileError);
  EXPECT_EQ(e.cls, "undeclared_identifier");
}

TEST(Classify, PortMismatch) {
  auto e = classifyCompileFailure("testbench.sv:7: error: port ``count'' is not a port of dut.\n1 error(s) during elaboration.\n", "icarus");
  EXPECT_EQ(e.cls, "port_mismatch");
}

TEST(Classify, UnknownModule) {
  auto e = classifyCompileFailure("candidate.sv:3: error: Unknown module type: Adder\n2 error(s) during elaboration.\n", "icarus");
  EXPECT_EQ(e.cls, "unknown_module");
}

TEST(Classify, WireRegMisuse) {
  auto e = classifyCompileFailure(
      "candidate.sv:4: error: y is not a valid l-value in tb.dut.\ncandidate.sv:1:      : y is declared here as wire.\n",
      "icarus");
  EXPECT_EQ(e.cls, "wire_reg_misuse");
}

TEST(Classify, ResultLineParsing) {
  auto r = parseResultLine("MISMATCH x\nMismatches: 3 in 100 samples\n");
  EXPECT_TRUE(r.found);
  EXPECT_EQ(r.mismatches, 3);
  EXPECT_EQ(r.samples, 100);
  EXPECT_EQ(r.count, 1);
  EXPECT_FALSE(parseResultLine("Mismatches: three in 100 samples\n").found);
  EXPECT_EQ(parseResultLine("Mismatches: 0 in 5 samples\nMismatches: 0 in 5 samples\n").count, 2);
}

SimOutcome finished(const std::string& out, int exitCode = 0) {
  SimOutcome o;
  o.compiled = true;
  o.simulator = "icarus";
  o.run.exitCode = exitCode;
  o.run.out = out;
  return o;
}

TEST(Classify, PassNeedsZeroMismatchesOverSomeSamples) {
  Task t;
  EXPECT_EQ(classifySimulation(finished("Mismatches: 0 in 10 samples\n"), t).verdict, Verdict::Pass);
  EXPECT_EQ(classifySimulation(finished("Mismatches: 2 in 10 samples\n"), t).verdict, Verdict::Mismatch);
  EXPECT_EQ(classifySimulation(finished("Mismatches: 0 in 0 samples\n"), t).verdict, Verdict::SimCrash);
}

TEST(Classify, MissingResultLineIsAFailureNotASkip) {
  Task t;
  auto e = classifySimulation(finished("some output\n"), t);
  EXPECT_EQ(e.verdict, Verdict::SimCrash);
  EXPECT_EQ(e.cls, "no_result_line");
}

TEST(Classify, TwoResultLinesAreAForgery) {
  Task t;
  auto e = classifySimulation(finished("Mismatches: 0 in 10 samples\nMismatches: 4 in 10 samples\n"), t);
  EXPECT_EQ(e.verdict, Verdict::SimCrash);
  EXPECT_EQ(e.cls, "multiple_result_lines");
}

TEST(Classify, TimeoutWinsOverPartialOutput) {
  Task t;
  auto o = finished("Mismatches: 0 in 10 samples\n");
  o.run.timedOut = true;
  o.run.exitCode = -1;
  o.run.signal = 9;
  EXPECT_EQ(classifySimulation(o, t).verdict, Verdict::SimTimeout);
}

TEST(Classify, PassMessageRule) {
  Task t;
  t.resultRule = ResultRule::PassMessage;
  EXPECT_EQ(classifySimulation(finished("===========Your Design Passed===========\n"), t).verdict, Verdict::Pass);
  EXPECT_EQ(classifySimulation(finished("Test failed at 30\n"), t).verdict, Verdict::Mismatch);
}

TEST(Classify, ScrubPathsRemovesJobDirectories) {
  EXPECT_EQ(scrubPaths("/tmp/job-abc/candidate.sv:3: error\n/tmp/job/x.sv", "/tmp/job-abc"), "candidate.sv:3: error\nx.sv");
}

}  // namespace
}  // namespace rtlarena
