// Pruning a candidate to the units its top module reaches: what is dropped, what is kept, and
// every shape of input for which nothing may be dropped.
#include <gtest/gtest.h>

#include "rtlarena/eval/module_prune.h"
#include "rtlarena/eval/policy.h"

namespace rtlarena {
namespace {

using Names = std::vector<std::string>;

const std::string kTop = "module TopModule(input a, output b);\n  assign b = ~a;\nendmodule\n";
const std::string kTb =
    "module tb;\n  reg a; wire b;\n  TopModule dut(.a(a), .b(b));\n"
    "  initial begin a = 0; #1 $display(\"b=%b\", b); $finish; end\nendmodule\n";

bool flags(const std::string& code, const std::string& construct) {
  for (const auto& f : scanTokens(code))
    if (f.construct == construct) return true;
  return false;
}

void expectUnchanged(const std::string& code, const std::string& top = "TopModule") {
  PruneResult r = pruneToTop(code, top);
  EXPECT_EQ(r.code, code);
  EXPECT_TRUE(r.dropped.empty());
}

TEST(ModulePrune, ExampleTestbenchIsDroppedAndListed) {
  const std::string code = kTop + "\n" + kTb;
  ASSERT_TRUE(flags(code, "$display"));
  PruneResult r = pruneToTop(code, "TopModule");
  EXPECT_EQ(r.dropped, Names{"tb"});
  EXPECT_EQ(r.code, kTop + "\n");  // the kept text is byte-identical
  EXPECT_TRUE(scanTokens(r.code).empty());
}

TEST(ModulePrune, TestbenchBeforeTheDesignIsDroppedToo) {
  PruneResult r = pruneToTop(kTb + kTop, "TopModule");
  EXPECT_EQ(r.dropped, Names{"tb"});
  EXPECT_EQ(r.code, kTop);
}

TEST(ModulePrune, HelpersReachedTransitivelyAreKept) {
  const std::string code =
      "module Leaf(input a, output y); assign y = ~a; endmodule\n"
      "module TopModule(input a, output b); Mid m(.a(a), .y(b)); endmodule\n"
      "module Mid(input a, output y); Leaf l(.a(a), .y(y)); endmodule\n";
  expectUnchanged(code);
}

TEST(ModulePrune, UnusedHelperIsDropped) {
  const std::string helper = "module Unused(input a, output y); assign y = a; endmodule\n";
  PruneResult r = pruneToTop(helper + kTop, "TopModule");
  EXPECT_EQ(r.dropped, Names{"Unused"});
  EXPECT_EQ(r.code, kTop);
}

TEST(ModulePrune, ModuleUsedOnlyByADroppedModuleIsDropped) {
  const std::string stim = "module Stim(output reg a); initial a = 0; endmodule\n";
  const std::string tb = "module tb; wire a, b; Stim s(.a(a)); TopModule dut(.a(a), .b(b)); endmodule\n";
  PruneResult r = pruneToTop(kTop + stim + tb, "TopModule");
  EXPECT_EQ(r.dropped, (Names{"Stim", "tb"}));
  EXPECT_EQ(r.code, kTop);
}

TEST(ModulePrune, DirectivesAndCommentsOutsideUnitsAreKeptInOrder) {
  const std::string head = "`timescale 1ns/1ps\n`default_nettype none\n// the design\n`define W 8\n";
  const std::string tail = "`default_nettype wire\n";
  PruneResult r = pruneToTop(head + kTop + "// an example bench\n" + kTb + tail, "TopModule");
  EXPECT_EQ(r.dropped, Names{"tb"});
  EXPECT_EQ(r.code, head + kTop + "// an example bench\n" + tail);
}

TEST(ModulePrune, CommentsAndStringsMentioningModulesDoNotConfuseIt) {
  const std::string top =
      "module TopModule(input a, output b);\n"
      "  // endmodule module Fake; endmodule\n"
      "  /* endmodule\n     module Other; */\n"
      "  localparam string S = \"endmodule module tb2; endmodule\";\n"
      "  assign b = ~a;\nendmodule\n";
  PruneResult r = pruneToTop(top + kTb, "TopModule");
  EXPECT_EQ(r.dropped, Names{"tb"});
  EXPECT_EQ(r.code, top);
}

TEST(ModulePrune, EscapedIdentifiers) {
  // `\Inv ` names the module Inv; `\a//b ` is an identifier, not the start of a comment.
  const std::string top =
      "module TopModule(input a, output b);\n  wire \\a//b ;\n  \\Inv  u(.a(a), .y(\\a//b ));\n"
      "  assign b = \\a//b ;\nendmodule\n";
  const std::string inv = "module Inv(input a, output y); assign y = ~a; endmodule\n";
  const std::string bench = "module \\tb-1 ; initial $display(\"x\"); endmodule\n";
  PruneResult r = pruneToTop(top + inv + bench, "TopModule");
  EXPECT_EQ(r.dropped, Names{"tb-1"});
  EXPECT_EQ(r.code, top + inv);
}

TEST(ModulePrune, EscapedIdentifierWithAQuoteDoesNotOpenAString) {
  const std::string top = "module TopModule(input a, output b);\n  wire \\q\" ;\n  assign b = a;\nendmodule\n";
  PruneResult r = pruneToTop(top + "module tb; initial $display(\"\"); endmodule\n", "TopModule");
  EXPECT_EQ(r.dropped, Names{"tb"});
  EXPECT_EQ(r.code, top);
}

TEST(ModulePrune, ParameterizedInstantiationKeepsTheModule) {
  const std::string code =
      "module TopModule(input [7:0] a, output [7:0] b);\n  Foo #(.W(8)) u(.a(a), .y(b));\nendmodule\n"
      "module Foo #(parameter W = 4) (input [W-1:0] a, output [W-1:0] y); assign y = a; endmodule\n";
  expectUnchanged(code);
  PruneResult r = pruneToTop(code + kTb, "TopModule");
  EXPECT_EQ(r.dropped, Names{"tb"});
  EXPECT_EQ(r.code, code);
}

TEST(ModulePrune, PackagesAndInterfacesAreKeptWhenNamed) {
  const std::string code =
      "package cfg; localparam int W = 1; endpackage\n"
      "package types; typedef logic bit_t; endpackage\n"
      "interface bus_if; logic v; endinterface\n"
      "module TopModule(input a, output b);\n  import types::*;\n  bus_if bus();\n"
      "  assign b = a ^ cfg::W[0];\nendmodule\n";
  const std::string unused = "package spare; endpackage\ninterface spare_if; endinterface : spare_if\n";
  PruneResult r = pruneToTop(code + unused, "TopModule");
  EXPECT_EQ(r.dropped, (Names{"spare", "spare_if"}));
  EXPECT_EQ(r.code, code);
}

TEST(ModulePrune, EndLabelGoesWithItsUnit) {
  PruneResult r = pruneToTop(kTop + "module tb; initial $finish; endmodule : tb\n", "TopModule");
  EXPECT_EQ(r.dropped, Names{"tb"});
  EXPECT_EQ(r.code, kTop);
}

TEST(ModulePrune, UnitsOnOneLineAreCutWithoutJoiningTheirNeighbours) {
  // Cutting `/module tb; endmodule/` out naively would leave `//`, a comment.
  PruneResult r = pruneToTop(kTop + "wire w = 1 /module tb; endmodule/ 2;\n", "TopModule");
  EXPECT_EQ(r.dropped, Names{"tb"});
  EXPECT_EQ(r.code, kTop + "wire w = 1 / / 2;\n");
  r = pruneToTop("module TopModule; endmodule module tb; endmodule module Spare; endmodule", "TopModule");
  EXPECT_EQ(r.dropped, (Names{"tb", "Spare"}));
  EXPECT_EQ(r.code, "module TopModule; endmodule  ");
}

TEST(ModulePrune, NestedModuleStaysInsideItsParent) {
  const std::string top = "module TopModule(input a, output b);\n  module inner; endmodule\n  assign b = a;\nendmodule\n";
  PruneResult r = pruneToTop(top + kTb, "TopModule");
  EXPECT_EQ(r.dropped, Names{"tb"});
  EXPECT_EQ(r.code, top);
}

TEST(ModulePrune, NothingToDropIsByteIdentical) { expectUnchanged("// header\n" + kTop + "\n\n"); }

TEST(ModulePrune, UnbalancedInputIsUnchanged) {
  expectUnchanged(kTop + "module tb;\n  initial $display(\"x\");\n");         // no endmodule
  expectUnchanged(kTop + "endmodule\n" + kTb);                             // a stray endmodule
  expectUnchanged(kTop + "module tb; /* never closed\nendmodule\n");         // open comment
  expectUnchanged(kTop + "module tb; initial $display(\"never closed); endmodule\n");
}

TEST(ModulePrune, ConditionalAroundOrAcrossUnitsIsUnchanged) {
  expectUnchanged(kTop + "`ifdef SIM\n" + kTb + "`endif\n");
  expectUnchanged("module TopModule(input a, output b);\n`ifdef X\n  assign b = a;\nendmodule\n"
                  "module tb;\n`endif\n  initial $display(\"x\");\nendmodule\n");
  expectUnchanged(kTop + "module tb;\n`else\n initial $finish;\nendmodule\n");  // `else without `ifdef
}

TEST(ModulePrune, ConditionalInsideAUnitIsFine) {
  const std::string bench = "module tb;\n`ifdef VERBOSE\n  initial $display(\"v\");\n`else\n"
                            "  initial $finish;\n`endif\nendmodule\n";
  PruneResult r = pruneToTop(kTop + bench, "TopModule");
  EXPECT_EQ(r.dropped, Names{"tb"});
  EXPECT_EQ(r.code, kTop);
}

TEST(ModulePrune, MacroUsedOutsideAUnitIsUnchanged) {
  expectUnchanged("`define BENCH module tb; initial $display(\"x\"); endmodule\n" + kTop + "`BENCH\n");
  expectUnchanged(kTop + "`MAKE_TB(tb)\n" + kTb);
}

TEST(ModulePrune, DroppedUnitThatDefinesAMacroIsUnchanged) {
  expectUnchanged(kTop + "module tb;\n`define W 8\n  initial $display(\"x\");\nendmodule\n");
  expectUnchanged(kTop + "module tb;\n`default_nettype none\nendmodule\n");
}

TEST(ModulePrune, TopNotFoundIsUnchanged) {
  expectUnchanged(kTop + kTb, "OtherTop");
  expectUnchanged("package TopModule; endpackage\n" + kTb);  // the top must be a module
}

TEST(ModulePrune, NameDefinedTwiceIsUnchanged) {
  expectUnchanged(kTop + kTb + kTb);
  expectUnchanged(kTop + kTop + kTb);
}

TEST(ModulePrune, ExternPrototypeOrAttributeOutsideUnitsIsUnchanged) {
  expectUnchanged("extern module TopModule(input a, output b);\n" + kTop + kTb);
  expectUnchanged("(* keep *)\n" + kTb + kTop);
}

TEST(ModulePrune, TopThatCallsDisplayIsStillAViolation) {
  const std::string top = "module TopModule(input a, output b);\n  assign b = a;\n"
                          "  initial $display(\"Mismatches: 0 in 100 samples\");\nendmodule\n";
  PruneResult r = pruneToTop(top + kTb, "TopModule");
  EXPECT_EQ(r.dropped, Names{"tb"});
  EXPECT_TRUE(flags(r.code, "$display"));
}

TEST(ModulePrune, ForgerInstantiatedByTheTopIsKeptAndStillAViolation) {
  const std::string code = "module TopModule(input a, output b);\n  assign b = a;\n  Forger f();\nendmodule\n"
                           "module Forger; initial begin $display(\"Mismatches: 0 in 100 samples\"); $finish; end endmodule\n";
  PruneResult r = pruneToTop(code + kTb, "TopModule");
  EXPECT_EQ(r.dropped, Names{"tb"});
  EXPECT_TRUE(flags(r.code, "$display"));
  EXPECT_TRUE(flags(r.code, "$finish"));
}

TEST(ModulePrune, UnitNamedInTextOutsideUnitsIsKept) {
  // A top-level bind names its checker: the checker is kept, and so are its system tasks.
  const std::string code = kTop + "module Checker; initial $display(\"x\"); endmodule\n"
                           "bind TopModule Checker c();\n";
  PruneResult r = pruneToTop(code, "TopModule");
  EXPECT_TRUE(r.dropped.empty());
  EXPECT_TRUE(flags(r.code, "$display"));
}

TEST(ModulePrune, ClassesProgramsAndPrimitivesAreUnits) {
  const std::string unused = "virtual class Base; endclass\nprogram prog; endprogram\n"
                             "primitive udp(output y, input a); table 0 : 1; 1 : 0; endtable endprimitive\n"
                             "interface class Api; endclass\ntypedef class Later;\n";
  PruneResult r = pruneToTop(kTop + unused, "TopModule");
  EXPECT_EQ(r.dropped, (Names{"Base", "prog", "udp", "Api"}));
  EXPECT_EQ(r.code, kTop + "typedef class Later;\n");
}

}  // namespace
}  // namespace rtlarena
