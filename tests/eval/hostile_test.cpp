// Hostile and broken candidates: each gets its verdict within its deadline, none passes, and
// nothing escapes the sandbox even when the policy check is switched off.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

#include "rtlarena/core/files.h"
#include "rtlarena/eval/evaluator.h"
#include "rtlarena/tasks/suite.h"

namespace rtlarena {
namespace {

namespace fs = std::filesystem;
const fs::path kFixtures = fs::path(RTLARENA_SOURCE_DIR) / "tests";

Task inv8() {
  auto t = loadTaskDir(kFixtures / "fixtures/tasks/inv8", "fixtures");
  EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.error().message);
  return *t;
}

std::string hostile(const std::string& name) {
  auto code = readFile(kFixtures / "eval/hostile" / (name + ".sv"));
  EXPECT_TRUE(code.ok());
  return code.ok() ? *code : "";
}

Evaluation evaluate(const std::string& code, bool policy = true) {
  EvalOptions o;
  o.policyCheck = policy;
  return Evaluator(o).evaluate(inv8(), code);
}

struct PolicyCase {
  const char* file;
  const char* construct;  // a word the verdict's message must contain
};

class PolicyViolations : public ::testing::TestWithParam<PolicyCase> {};

TEST_P(PolicyViolations, AreRefusedBeforeSimulation) {
  Evaluation e = evaluate(hostile(GetParam().file));
  EXPECT_EQ(e.verdict, Verdict::PolicyViolation) << verdictName(e.verdict) << ": " << e.message;
  EXPECT_NE(e.message.find(GetParam().construct), std::string::npos) << e.message;
  EXPECT_EQ(e.simSeconds, 0.0);
}

INSTANTIATE_TEST_SUITE_P(Forgery, PolicyViolations,
                         ::testing::Values(PolicyCase{"fake_result_line", "$display"},
                                           PolicyCase{"fake_result_line", "$finish"},
                                           PolicyCase{"force_testbench_counter", "tb"},
                                           PolicyCase{"root_reference", "$root"},
                                           PolicyCase{"read_host_file", "$readmemh"},
                                           PolicyCase{"include_host_file", "`include"},
                                           PolicyCase{"read_plusargs", "$test$plusargs"},
                                           PolicyCase{"bind_into_testbench", "bind"}),
                         [](const auto& info) { return std::string(info.param.file) + "_" + std::to_string(info.index); });

TEST(Hostile, ReferencePassesAndBadVariantsFailOnTheFixture) {
  Task t = inv8();
  EXPECT_EQ(evaluate(t.goldenCandidate).verdict, Verdict::Pass);
  for (const auto& bad : t.badVariants) EXPECT_EQ(evaluate(bad.text).verdict, Verdict::Mismatch) << bad.name;
}

// Every hostile design ends within its deadline (3 s sim, 5 s compile in the fixture) plus the
// policy parse, and never passes.
void expectEndsInTime(const std::string& name, std::initializer_list<Verdict> allowed) {
  const auto start = std::chrono::steady_clock::now();
  Evaluation e = evaluate(hostile(name));
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(took, 20.0) << name;
  bool ok = false;
  for (Verdict v : allowed) ok = ok || e.verdict == v;
  EXPECT_TRUE(ok) << name << " got " << verdictName(e.verdict) << " (" << e.cls << "): " << e.message;
}

TEST(Hostile, ZeroDelayLoopTimesOut) { expectEndsInTime("zero_delay_loop", {Verdict::SimTimeout}); }
TEST(Hostile, CombinationalOscillationTimesOut) {
  expectEndsInTime("combinational_oscillation", {Verdict::SimTimeout, Verdict::Mismatch});
}
TEST(Hostile, AlwaysWithoutDelayIsStopped) {
  expectEndsInTime("always_without_delay", {Verdict::SimTimeout, Verdict::CompileError});
}
TEST(Hostile, HugeMemoryIsStopped) {
  expectEndsInTime("huge_memory", {Verdict::SimCrash, Verdict::CompileError, Verdict::SimTimeout});
}
TEST(Hostile, CompileBlowupIsStopped) {
  expectEndsInTime("compile_blowup", {Verdict::CompileError, Verdict::SimTimeout, Verdict::SimCrash});
}

// Without the policy check the sandbox is the last line of defence.
TEST(Sandbox, CandidateCannotReadOrWriteHostFiles) {
  const std::string marker = "/tmp/rtlarena-escape-" + std::to_string(::getpid());
  std::string code =
      "module TopModule(input clk, input [7:0] in, output reg [7:0] out);\n"
      "  integer fd, w;\n"
      "  initial begin\n"
      "    fd = $fopen(\"/etc/hostname\", \"r\");\n"
      "    if (fd != 0) $display(\"LEAKED host file\");\n"
      "    fd = $fopen(\"" RTLARENA_SOURCE_DIR "/CMakeLists.txt\", \"r\");\n"
      "    if (fd != 0) $display(\"LEAKED project file\");\n"
      "    w = $fopen(\"" + marker + "\", \"w\");\n"
      "    $fdisplay(w, \"escaped\");\n"
      "    $fclose(w);\n"
      "  end\n"
      "  always @(posedge clk) out <= ~in;\n"
      "endmodule\n";
  Evaluation e = evaluate(code, /*policy=*/false);
  EXPECT_EQ(e.verdict, Verdict::Pass) << e.message << e.logTail;
  EXPECT_EQ(e.logTail.find("LEAKED"), std::string::npos) << e.logTail;
  EXPECT_FALSE(fs::exists(marker));
}

TEST(Sandbox, FakeResultLineWithoutPolicyStillCannotPass) {
  // The testbench prints its own line too: two result lines are a forgery, never a pass.
  Evaluation e = evaluate(
      "module TopModule(input clk, input [7:0] in, output reg [7:0] out);\n"
      "  always @(posedge clk) out <= 0;\n"
      "  initial #3 $display(\"Mismatches: 0 in 50 samples\");\n"
      "endmodule\n",
      false);
  EXPECT_NE(e.verdict, Verdict::Pass);
}

TEST(Sandbox, EarlyFinishWithoutPolicyIsAFailure) {
  Evaluation e = evaluate(
      "module TopModule(input clk, input [7:0] in, output reg [7:0] out);\n"
      "  initial $finish;\n"
      "endmodule\n",
      false);
  EXPECT_EQ(e.verdict, Verdict::SimCrash);
  EXPECT_EQ(e.cls, "no_result_line");
}

TEST(Sandbox, DisplayFloodIsCut) {
  const auto start = std::chrono::steady_clock::now();
  Evaluation e = evaluate(
      "module TopModule(input clk, input [7:0] in, output reg [7:0] out);\n"
      "  always @(posedge clk) begin out <= ~in; repeat (2000000) $display(\"flood flood flood flood\"); end\n"
      "endmodule\n",
      false);
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 20.0);
  EXPECT_TRUE(e.verdict == Verdict::SimCrash || e.verdict == Verdict::SimTimeout) << verdictName(e.verdict);
}

TEST(Evaluate, EmptyCodeIsNoCode) { EXPECT_EQ(evaluate("  \n").verdict, Verdict::NoCode); }

TEST(Evaluate, SyntaxErrorIsClassified) {
  Evaluation e = evaluate("module TopModule(input clk, input [7:0] in, output reg [7:0] out);\n  always @(posedge clk) out <= ~in\nendmodule\n");
  EXPECT_EQ(e.verdict, Verdict::SyntaxError) << e.logTail;
}

TEST(Evaluate, PortMismatchIsClassified) {
  Evaluation e = evaluate("module TopModule(input clk, input [7:0] data, output reg [7:0] out);\n  always @(posedge clk) out <= ~data;\nendmodule\n");
  EXPECT_EQ(e.verdict, Verdict::CompileError);
  EXPECT_EQ(e.cls, "port_mismatch") << e.logTail;
}

TEST(Evaluate, UndeclaredIdentifierIsClassified) {
  Evaluation e = evaluate("module TopModule(input clk, input [7:0] in, output reg [7:0] out);\n  always @(posedge clk) out <= ~inn;\nendmodule\n");
  EXPECT_EQ(e.verdict, Verdict::CompileError);
  EXPECT_EQ(e.cls, "undeclared_identifier") << e.logTail;
}

}  // namespace
}  // namespace rtlarena
