// VerilogEval compatibility: extraction and failure codes on real-looking answers and logs.
#include <gtest/gtest.h>

#include "rtlarena/core/text.h"
#include "rtlarena/eval/verilogeval_compat.h"
#include "rtlarena/eval/verilator.h"

namespace rtlarena {
namespace {

const std::string kIfc = "\nmodule TopModule (\n  input a,\n  output y\n);\n";

TEST(VerilogEvalExtract, BeginDoneLinesAreTakenVerbatim) {
  std::string answer = "Sure.\n[BEGIN]\nmodule TopModule(input a, output y);\n  assign y = a;\nendmodule\n[DONE]\nbye";
  EXPECT_EQ(extractVerilogEval(answer, TaskKind::SpecToRtl, ""),
            "\nmodule TopModule(input a, output y);\n  assign y = a;\nendmodule\n\n");
}

TEST(VerilogEvalExtract, BeginWithoutDoneGivesAnEmptySample) {
  std::string answer = "[BEGIN]\nmodule TopModule(input a, output y);\n  assign y = a;\nendmodule\n";
  EXPECT_EQ(extractVerilogEval(answer, TaskKind::SpecToRtl, ""), "\n\n");
}

TEST(VerilogEvalExtract, TagsOnCodeLinesAreStripped) {
  std::string answer = "  [BEGIN]module TopModule(input a, output y);\nassign y = a;\nendmodule [DONE]  \n";
  EXPECT_EQ(extractVerilogEval(answer, TaskKind::SpecToRtl, ""),
            "\nmodule TopModule(input a, output y);\nassign y = a;\nendmodule \n\n");
}

TEST(VerilogEvalExtract, UnicodeLineSeparatorsSplitLinesAsPythonDoes) {
  // U+2028 and U+2029 end lines for str.splitlines(), so [BEGIN] stands on a line of its own.
  std::string answer = "Here it is:\xE2\x80\xA8[BEGIN]\nmodule TopModule(input a, output y);\xE2\x80\xA9"
                       "  assign y = a;\xC2\x85" "endmodule\n[DONE]\n";
  EXPECT_EQ(extractVerilogEval(answer, TaskKind::SpecToRtl, ""),
            "\nmodule TopModule(input a, output y);\n  assign y = a;\nendmodule\n\n");
}

TEST(VerilogEvalExtract, UnicodeSpacesAreStrippedAroundTheMarkers) {
  // NBSP and the ideographic space are whitespace to str.strip(); the code lines keep theirs.
  std::string answer = "\xC2\xA0[BEGIN]\xC2\xA0\nassign y = a;\n\xE3\x80\x80[DONE]\n";
  EXPECT_EQ(extractVerilogEval(answer, TaskKind::SpecToRtl, ""), "\nassign y = a;\n\n");
  answer = "[BEGIN]\nendmodule\xC2\xA0[DONE]\xE2\x80\x83\n";
  EXPECT_EQ(extractVerilogEval(answer, TaskKind::SpecToRtl, ""), "\nendmodule\xC2\xA0\n\n");
}

TEST(VerilogEvalExtract, FallsBackToFirstFenceWithANote) {
  std::string answer = "Here:\n```verilog\nmodule TopModule(input a, output y);\n  assign y = a;\nendmodule\n```\n"
                       "and a test:\n```\nmodule tb; endmodule\n```\n";
  EXPECT_EQ(extractVerilogEval(answer, TaskKind::SpecToRtl, ""),
            "\nmodule TopModule(input a, output y);\n  assign y = a;\nendmodule\n\n"
            "// VERILOG-EVAL: response did not use <CODE></CODE> correctly\n\n");
}

TEST(VerilogEvalExtract, WithoutFencesCopiesModuleThroughFirstEndmodule) {
  std::string answer = "The design:\nmodule TopModule(input a, output y);\n  assign y = a;\nendmodule\nmodule Extra; endmodule\n";
  EXPECT_EQ(extractVerilogEval(answer, TaskKind::SpecToRtl, ""),
            "\nmodule TopModule(input a, output y);\n  assign y = a;\nendmodule\n\n"
            "// VERILOG-EVAL: response did not use <CODE></CODE> correctly\n\n");
}

TEST(VerilogEvalExtract, CodeCompletePrependsTheInterfaceToABody) {
  std::string answer = "  assign y = ~a;\nendmodule\n";
  EXPECT_EQ(extractVerilogEval(answer, TaskKind::CodeComplete, kIfc),
            "\n" + kIfc + "\n\n  assign y = ~a;\nendmodule\n\n\n");
}

TEST(VerilogEvalExtract, CodeCompleteWithItsOwnModuleIsNotedAsErrant) {
  std::string answer = "```\nmodule TopModule(input a, output y);\n  assign y = a;\nendmodule\n```\n";
  EXPECT_EQ(extractVerilogEval(answer, TaskKind::CodeComplete, kIfc),
            "\nmodule TopModule(input a, output y);\n  assign y = a;\nendmodule\n\n"
            "// VERILOG-EVAL: errant inclusion of module definition\n\n\n");
}

TEST(VerilogEvalExtract, CodeCompleteOddFenceCountAndNoEndmoduleAreNoted) {
  std::string answer = "```verilog\n  assign y = a;\n";
  std::string out = extractVerilogEval(answer, TaskKind::CodeComplete, kIfc);
  EXPECT_TRUE(contains(out, "// VERILOG-EVAL: abnormal backticks count"));
  EXPECT_TRUE(contains(out, "// VERILOG-EVAL: endmodule not found"));
  EXPECT_TRUE(contains(out, "module TopModule ("));
}

TEST(VerilogEvalCodes, PassNeedsAZeroMismatchLine) {
  EXPECT_EQ(classifyVerilogEvalLog("VCD info: dumpfile wave.vcd opened for output.\nHint: Total mismatched samples is 0 out of 200 samples\n\n"
                                   "Simulation finished at 2000 ps\nMismatches: 0 in 200 samples\n", "assign y = a;"), '.');
  EXPECT_EQ(classifyVerilogEvalLog("Mismatches: 3 in 200 samples\n", "always @(posedge clk)"), 'R');
  EXPECT_EQ(classifyVerilogEvalLog("Mismatches: 3 in 200 samples\n", "always @(posedge clk, posedge reset)"), 'r');
  EXPECT_EQ(classifyVerilogEvalLog("Mismatches: 3 in 200 samples\n", "always @(posedge clk or posedge r)"), 'r');
  EXPECT_EQ(classifyVerilogEvalLog("Mismatches: 0 in 200 samples \n", "x"), 'R');  // not the exact line
  EXPECT_EQ(classifyVerilogEvalLog("", "x"), 'R');  // nothing printed at all
}

TEST(VerilogEvalCodes, FirstBreakingRuleWins) {
  EXPECT_EQ(classifyVerilogEvalLog("s.sv:3: syntax error\ns.sv:3: error: Invalid module item.\n", ""), 'S');
  EXPECT_EQ(classifyVerilogEvalLog("s.sv:4: error: This assignment requires an explicit cast.\n", ""), 'e');
  EXPECT_EQ(classifyVerilogEvalLog("s.sv:4: error: Sized numeric constant must have a size greater than zero.\n", ""), '0');
  EXPECT_EQ(classifyVerilogEvalLog("s.sv:5: warning: always_comb process has no sensitivities.\nMismatches: 0 in 10 samples\n", ""), 'n');
  EXPECT_EQ(classifyVerilogEvalLog("s.sv:5: warning: @* found no sensitivities so it will never trigger.\n", ""), 'n');
  EXPECT_EQ(classifyVerilogEvalLog("s.sv:7: error: q is not a valid l-value in tb.top_module1.\ns.sv:3:      : q is declared here as wire.\n", ""), 'w');
  EXPECT_EQ(classifyVerilogEvalLog("t.sv:60: error: Unknown module type: TopModule\n", ""), 'm');
  EXPECT_EQ(classifyVerilogEvalLog("s.sv:9: error: Unable to bind wire/reg/memory `clk' in `tb.top_module1'\n", ""), 'c');
  EXPECT_EQ(classifyVerilogEvalLog("s.sv:9: error: Unable to bind wire/reg/memory `foo' in `tb.top_module1'\n", ""), 'p');
  EXPECT_EQ(classifyVerilogEvalLog("s.sv:9: error: port ``z'' is not a port of top_module1.\n", ""), 'C');
}

TEST(VerilogEvalCodes, TimeoutBeatsAZeroMismatchLine) {
  EXPECT_EQ(classifyVerilogEvalLog("TIMEOUT\nMismatches: 0 in 200000 samples\n", ""), 'T');
  EXPECT_EQ(classifyVerilogEvalLog("Mismatches: 0 in 20 samples\nTIMEOUT\n", ""), 'T');
}

TEST(VerilogEvalCodes, ABindErrorBeatsOtherCompileErrors) {
  EXPECT_EQ(classifyVerilogEvalLog("a: error: something\nb: error: Unable to bind wire/reg `x'\n", ""), 'p');
}

TEST(VerilogEvalScore, TruncatesPerProblemLikeTheOriginal) {
  EXPECT_EQ(verilogEvalProblemPercent(1, 1), 100);
  EXPECT_EQ(verilogEvalProblemPercent(1, 3), 33);
  EXPECT_EQ(verilogEvalProblemPercent(57, 100), 56);  // 0.57*100 = 56.99999999999999 in doubles
  EXPECT_EQ(verilogEvalProblemPercent(0, 20), 0);
}

TEST(AutoSimulator, PredictsCyclesFromTheTestbenchText) {
  EXPECT_DOUBLE_EQ(predictedCycles("repeat (400) @(posedge clk); for (i = 0; i < 1_000; i = i + 1) x;"), 1400);
  EXPECT_DOUBLE_EQ(predictedCycles("initial #1000000 $finish;"), 0);
}

}  // namespace
}  // namespace rtlarena
