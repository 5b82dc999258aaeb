// Extraction of candidate code from model answers.
#include <gtest/gtest.h>

#include "rtlarena/eval/extract.h"

namespace rtlarena {
namespace {

const std::string kModule = "module TopModule(input a, output b);\n  assign b = a;\nendmodule";

TEST(Extract, FencedBlockDefiningTheTop) {
  auto ex = extractCandidate("Here you go:\n```verilog\n" + kModule + "\n```\nDone.", {});
  EXPECT_EQ(ex.method, ExtractMethod::Fenced);
  EXPECT_EQ(ex.code, kModule + "\n");
}

TEST(Extract, PicksTheFenceWithTheTopAmongSeveral) {
  std::string answer = "First a testbench:\n```verilog\nmodule tb; endmodule\n```\nNow the design:\n```systemverilog\n" +
                       kModule + "\n```\n";
  auto ex = extractCandidate(answer, {});
  EXPECT_NE(ex.code.find("module TopModule"), std::string::npos);
  // The other block is appended, then cut again: the top never instantiates it.
  EXPECT_EQ(ex.code.find("module tb"), std::string::npos);
  EXPECT_EQ(ex.droppedModules, std::vector<std::string>{"tb"});
}

TEST(Extract, HelperModuleInASecondFenceIsAppended) {
  std::string answer = "```verilog\nmodule TopModule(input a, output b); Inv i(.a(a), .y(b)); endmodule\n```\n"
                       "```verilog\nmodule Inv(input a, output y); assign y = ~a; endmodule\n```";
  auto ex = extractCandidate(answer, {});
  EXPECT_NE(ex.code.find("module Inv"), std::string::npos);
}

TEST(Extract, ExampleTestbenchAfterTheDesignIsDroppedAndRecorded) {
  std::string answer = "```verilog\n" + kModule +
                       "\n\nmodule tb;\n  reg a; wire b;\n  TopModule dut(.a(a), .b(b));\n"
                       "  initial begin a = 0; #1 $display(\"b=%b\", b); $finish; end\nendmodule\n```";
  auto ex = extractCandidate(answer, {});
  EXPECT_EQ(ex.method, ExtractMethod::Fenced);
  EXPECT_EQ(ex.code, kModule + "\n\n");
  EXPECT_EQ(ex.droppedModules, std::vector<std::string>{"tb"});
}

TEST(Extract, HelperInstantiatedByTheTopStaysAndNothingIsRecorded) {
  std::string answer = "```verilog\nmodule TopModule(input a, output b); Inv i(.a(a), .y(b)); endmodule\n"
                       "module Inv(input a, output y); assign y = ~a; endmodule\n```";
  auto ex = extractCandidate(answer, {});
  EXPECT_NE(ex.code.find("module Inv"), std::string::npos);
  EXPECT_TRUE(ex.droppedModules.empty());
}

TEST(Extract, BeginDoneTagsWin) {
  auto ex = extractCandidate("```verilog\nmodule Other; endmodule\n```\n[BEGIN]\n" + kModule + "\n[DONE]", {});
  EXPECT_EQ(ex.method, ExtractMethod::BeginDone);
  EXPECT_NE(ex.code.find("TopModule"), std::string::npos);
  EXPECT_EQ(ex.code.find("Other"), std::string::npos);
}

TEST(Extract, BeginWithoutDoneIsTruncated) {
  auto ex = extractCandidate("[BEGIN]\nmodule TopModule(input a, output b);\n  assign b =", {});
  EXPECT_TRUE(ex.code.empty());
  EXPECT_TRUE(ex.truncated);
}

TEST(Extract, BareModuleWithoutFences) {
  auto ex = extractCandidate("Sure.\n" + kModule + "\nThat is all.", {});
  EXPECT_EQ(ex.method, ExtractMethod::BareModule);
  EXPECT_EQ(ex.code, kModule + "\n");
}

TEST(Extract, ThinkBlocksAreDropped) {
  std::string answer = "<think>maybe module TopModule(input a, output b); assign b = 0; endmodule</think>\n```verilog\n" +
                       kModule + "\n```";
  auto ex = extractCandidate(answer, {});
  EXPECT_NE(ex.code.find("assign b = a"), std::string::npos);
  EXPECT_EQ(ex.code.find("assign b = 0"), std::string::npos);
}

TEST(Extract, UnterminatedThinkMeansNoCode) {
  auto ex = extractCandidate("<think>I will write\nmodule TopModule(input a, output b); endmodule", {});
  EXPECT_TRUE(ex.code.empty());
}

TEST(Extract, ClosingThinkWithoutOpeningDropsThePrefix) {
  auto ex = extractCandidate("module TopModule(); wrong endmodule</think>\n" + kModule, {});
  EXPECT_EQ(ex.code.find("wrong"), std::string::npos);
  EXPECT_NE(ex.code.find("assign b = a"), std::string::npos);
}

TEST(Extract, TruncatedFenceIsNoCodeNotACrash) {
  auto ex = extractCandidate("```verilog\nmodule TopModule(input a, output b);\n  assign b", {});
  EXPECT_TRUE(ex.code.empty());
  EXPECT_TRUE(ex.truncated);
}

TEST(Extract, ProseOnlyIsNoCode) {
  auto ex = extractCandidate("I cannot help with that.", {});
  EXPECT_TRUE(ex.code.empty());
  EXPECT_FALSE(ex.truncated);
}

TEST(Extract, CodeCompleteBodyGetsTheHeader) {
  ExtractOptions o;
  o.interfaceHeader = "module TopModule(input a, output b);";
  auto ex = extractCandidate("```verilog\n  assign b = a;\nendmodule\n```", o);
  EXPECT_EQ(ex.code.rfind("module TopModule(input a, output b);", 0), 0u);
  EXPECT_NE(ex.code.find("assign b = a;"), std::string::npos);
}

TEST(Extract, EmptyAnswer) {
  EXPECT_TRUE(extractCandidate("", {}).code.empty());
}

}  // namespace
}  // namespace rtlarena
