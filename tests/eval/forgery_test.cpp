// Candidates that try to change the testbench's result other than through the behaviour of their
// ports: reaching the reference or the testbench by name (directly, through macros, generate
// blocks, escaped identifiers, configurations, defparam), redefining them, or leaking compiler
// state into the files compiled after them. None may pass, on either simulator.
#include <gtest/gtest.h>

#include <filesystem>

#include "rtlarena/core/files.h"
#include "rtlarena/eval/evaluator.h"
#include "rtlarena/tasks/suite.h"

namespace rtlarena {
namespace {

namespace fs = std::filesystem;
const fs::path kTests = fs::path(RTLARENA_SOURCE_DIR) / "tests";

Task inv8() {
  auto t = loadTaskDir(kTests / "fixtures/tasks/inv8", "fixtures");
  EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.error().message);
  return *t;
}

Evaluation evaluate(const std::string& code, const std::string& simulator) {
  EvalOptions o;
  o.simulator = simulator == "verilator" ? SimulatorKind::Verilator : SimulatorKind::Icarus;
  return Evaluator(o).evaluate(inv8(), code);
}

struct ForgeryCase {
  const char* file;
  Verdict expected;
  const char* cls;  ///< the class the verdict must carry ("" = any)
};

std::string caseName(const ::testing::TestParamInfo<std::tuple<ForgeryCase, const char*>>& info) {
  return std::string(std::get<0>(info.param).file) + "_" + std::get<1>(info.param);
}

class Forgery : public ::testing::TestWithParam<std::tuple<ForgeryCase, const char*>> {};

TEST_P(Forgery, FailsWithTheExpectedVerdict) {
  const auto& [c, simulator] = GetParam();
  auto code = readFile(kTests / "eval/forgery" / (std::string(c.file) + ".sv"));
  ASSERT_TRUE(code.ok());
  Evaluation e = evaluate(*code, simulator);
  EXPECT_NE(e.verdict, Verdict::Pass) << e.message;
  EXPECT_EQ(e.verdict, c.expected) << verdictName(e.verdict) << " (" << e.cls << "): " << e.message << "\n" << e.logTail;
  if (*c.cls) EXPECT_EQ(e.cls, c.cls) << e.message;
  // The per-evaluation names never reach the user.
  if (code->find("__rtlarena_") != std::string::npos) return;
  EXPECT_EQ(e.message.find("__rtlarena_"), std::string::npos) << e.message;
  EXPECT_EQ(e.logTail.find("__rtlarena_"), std::string::npos) << e.logTail;
}

INSTANTIATE_TEST_SUITE_P(
    BothSimulators, Forgery,
    ::testing::Combine(
        ::testing::Values(ForgeryCase{"instantiate_reference", Verdict::CompileError, "unknown_module"},
                          ForgeryCase{"reference_through_macro", Verdict::CompileError, "unknown_module"},
                          ForgeryCase{"reference_in_generate", Verdict::CompileError, "unknown_module"},
                          ForgeryCase{"reference_escaped", Verdict::CompileError, "unknown_module"},
                          ForgeryCase{"guessed_suffix", Verdict::CompileError, "unknown_module"},
                          ForgeryCase{"instantiate_testbench", Verdict::CompileError, "unknown_module"},
                          ForgeryCase{"redefine_reference", Verdict::Mismatch, ""},
                          ForgeryCase{"redefine_testbench", Verdict::Mismatch, ""},
                          ForgeryCase{"top_defined_twice", Verdict::CompileError, "redeclaration"},
                          ForgeryCase{"leaking_directives", Verdict::Mismatch, ""},
                          ForgeryCase{"translate_off", Verdict::Mismatch, ""},
                          ForgeryCase{"defparam_upward", Verdict::PolicyViolation, ""},
                          ForgeryCase{"config_remap", Verdict::PolicyViolation, "config"},
                          ForgeryCase{"upward_reference_in_macro", Verdict::PolicyViolation, ""},
                          ForgeryCase{"undefined_macro", Verdict::CompileError, "undefined_macro"}),
        ::testing::Values("icarus", "verilator")),
    caseName);

// The open conditional is refused by Verilator's reading of the candidate and is harmless to
// Icarus, which compiles each file on its own: either way it is the wrong design's mismatch or an
// error, never a pass.
TEST(Forgery, OpenConditionalCannotSwallowTheBench) {
  auto code = readFile(kTests / "eval/forgery/open_conditional.sv");
  ASSERT_TRUE(code.ok());
  for (const char* sim : {"icarus", "verilator"}) {
    Evaluation e = evaluate(*code, sim);
    EXPECT_TRUE(e.verdict == Verdict::Mismatch || e.verdict == Verdict::SyntaxError ||
                e.verdict == Verdict::CompileError)
        << sim << ": " << verdictName(e.verdict) << " " << e.message;
  }
}

// Isolation must not cost honest candidates anything.
TEST(Forgery, HonestCandidatesStillPassOnBothSimulators) {
  Task t = inv8();
  for (const char* sim : {"icarus", "verilator"}) {
    Evaluation e = evaluate(t.goldenCandidate, sim);
    EXPECT_EQ(e.verdict, Verdict::Pass) << sim << ": " << e.message << "\n" << e.logTail;
    // A helper module of the candidate's own, with a name the bench also uses, is the candidate's.
    Evaluation h = evaluate(
        "module RefModule(input [7:0] a, output [7:0] y); assign y = ~a; endmodule\n"
        "module TopModule(input clk, input [7:0] in, output reg [7:0] out);\n"
        "  wire [7:0] n;\n  RefModule inv(.a(in), .y(n));\n"
        "  always @(posedge clk) out <= n;\nendmodule\n",
        sim);
    EXPECT_EQ(h.verdict, Verdict::Pass) << sim << ": " << h.message << "\n" << h.logTail;
  }
}

// A task's own reference submitted as a candidate names the module the design must have.
TEST(Forgery, TheReferenceAsACandidateIsExplained) {
  Task t = inv8();
  Evaluation e = evaluate(t.reference, "icarus");
  EXPECT_EQ(e.verdict, Verdict::CompileError);
  EXPECT_EQ(e.cls, "missing_top");
  EXPECT_NE(e.message.find("must be called 'TopModule'"), std::string::npos) << e.message;
  // A top named through a macro is left to the compiler.
  Evaluation m = evaluate("`define N TopModule\nmodule `N(input clk, input [7:0] in, output reg [7:0] out);\n"
                          "  always @(posedge clk) out <= ~in;\nendmodule\n", "icarus");
  EXPECT_EQ(m.verdict, Verdict::Pass) << m.message;
}

}  // namespace
}  // namespace rtlarena
