// The renaming behind candidate isolation, and the reading of Icarus's elaborated hierarchy.
#include <gtest/gtest.h>

#include "rtlarena/eval/isolation.h"
#include "rtlarena/tasks/verilog_scan.h"

namespace rtlarena {
namespace {

TEST(Isolation, RenamesUnitsButNotCommentsStringsMembersOrMacroNames) {
  const std::string tb =
      "`define RefModule keep_macro_name\n"
      "module tb; // RefModule in a comment\n"
      "  RefModule good1(.RefModule(x));\n"
      "  initial $display(\"RefModule\");\n"
      "  \\RefModule  esc(.a(1));\n"
      "  assign y = tb.good1.out;\n"
      "endmodule\n";
  const std::string out = renameUnits(tb, {"RefModule", "tb"}, "_S");
  EXPECT_NE(out.find("`define RefModule keep_macro_name"), std::string::npos) << out;
  EXPECT_NE(out.find("module tb_S;"), std::string::npos) << out;
  EXPECT_NE(out.find("// RefModule in a comment"), std::string::npos) << out;
  EXPECT_NE(out.find("RefModule_S good1(.RefModule(x));"), std::string::npos) << out;
  EXPECT_NE(out.find("$display(\"RefModule\")"), std::string::npos) << out;
  EXPECT_NE(out.find("RefModule_S  esc"), std::string::npos) << out;
  EXPECT_NE(out.find("assign y = tb_S.good1.out;"), std::string::npos) << out;
}

TEST(Isolation, DesignUnitsOfEveryKindAreFound) {
  const std::string src =
      "package p; endpackage\ninterface bus_if; endinterface\nprimitive u(output o, input a);\n"
      "table 0:0; endtable endprimitive\nclass C; endclass\nmodule automatic m; endmodule\n"
      "program prg; endprogram\nvirtual class V; endclass\n";
  std::vector<std::string> names;
  for (const auto& d : declaredDesignUnits(src)) names.push_back(d.name);
  EXPECT_EQ(names, (std::vector<std::string>{"p", "bus_if", "u", "C", "m", "prg", "V"}));
}

TEST(Isolation, SourcesAreRenamedAndTheTopFollows) {
  Task t;
  t.top = "TopModule";
  t.tbTop = "tb";
  t.reference = "module RefModule(input a, output y); helper h(a, y); endmodule\nmodule helper(input a, output y); assign y = a; endmodule\n";
  t.testbench = "module tb; RefModule r(); TopModule dut(); endmodule\n";
  const auto iso = isolateSources(t, "module TopModule; RefModule r(); endmodule\n", "_X");
  ASSERT_EQ(iso.sources.size(), 3u);
  EXPECT_EQ(iso.sources[0].name, "candidate.sv");
  EXPECT_EQ(iso.sources[0].text, "module TopModule; RefModule r(); endmodule\n");  // untouched
  EXPECT_EQ(iso.sources[1].name, "reference.sv");
  EXPECT_NE(iso.sources[1].text.find("module RefModule_X"), std::string::npos);
  EXPECT_NE(iso.sources[1].text.find("helper_X h(a, y)"), std::string::npos);
  EXPECT_EQ(iso.sources[2].text, "module tb_X; RefModule_X r(); TopModule dut(); endmodule\n");
  EXPECT_EQ(iso.top, "tb_X");
  EXPECT_EQ(iso.renamed, (std::vector<std::string>{"RefModule", "helper", "tb"}));

  t.compatFamily = CompatFamily::VerilogEval;  // VerilogEval's own order: sample, test, ref
  const auto ve = isolateSources(t, "", "_X");
  EXPECT_EQ(ve.sources[1].name, "testbench.sv");
  EXPECT_EQ(ve.sources[2].name, "reference.sv");
}

TEST(Isolation, SuffixesAreFreshEachTime) {
  const std::string a = isolationSuffix(), b = isolationSuffix();
  EXPECT_NE(a, b);
  EXPECT_EQ(a.size(), std::string("__rtlarena_").size() + 16);
}

TEST(Isolation, DuplicateUnitsAreNamed) {
  EXPECT_EQ(duplicateUnits("module a; endmodule\nmodule b; endmodule\nmodule a; endmodule\n"),
            std::vector<std::string>{"a"});
  EXPECT_TRUE(duplicateUnits("module a; endmodule\n// module a;\n").empty());
}

TEST(Isolation, LexicalFactsAboutACandidate) {
  EXPECT_TRUE(usesDirectives("`timescale 1ns/1ps\nmodule m; endmodule"));
  EXPECT_FALSE(usesDirectives("module m; // `define X\n initial x = \"`y\"; endmodule"));
  EXPECT_TRUE(usesDelays("always #5 clk = ~clk;"));
  EXPECT_TRUE(usesDelays("initial #(T) x = 1; always #T y = 0;"));
  EXPECT_FALSE(usesDelays("sub #(.W(8)) u(); parameter P = 1;"));
  EXPECT_TRUE(mentionsAny("module m; \\RefModule  r(); endmodule", {"RefModule"}));
  EXPECT_FALSE(mentionsAny("module m; wire RefModulex; // RefModule\nendmodule", {"RefModule"}));
}

// A fragment of a compiled Icarus image: tb → dut (TopModule) → a generate scope → two modules.
const char* kImage =
    "S_0x10 .scope package, \"$unit#1\" \"$unit#1\" 2 1;\n"
    "S_0x20 .scope module, \"tb_X\" \"tb_X\" 3 1;\n"
    "S_0x30 .scope module, \"dut\" \"TopModule\" 3 1, 2 2 0, S_0x20;\n"
    "S_0x31 .scope module, \"ref_inst\" \"RefModule_X\" 3 1, 2 2 0, S_0x20;\n"
    "S_0x40 .scope generate, \"g\" \"g\" 2 5, 2 5 0, S_0x30;\n"
    "S_0x50 .scope module, \"s2\" \"Sub\" 2 5, 2 1 0, S_0x40;\n"
    "S_0x60 .scope module, \"r\" \"Stolen\" 2 5, 2 1 0, S_0x40;\n"
    "S_0x70 .scope begin, \"$ivl_for_loop0\" \"$ivl_for_loop0\" 2 5, 2 5 0, S_0x60;\n";

TEST(Isolation, ModulesUnderTheTopThatTheCandidateDoesNotDefineAreFound) {
  EXPECT_EQ(foreignModulesUnderTop(kImage, "TopModule", {"TopModule", "Sub"}), std::vector<std::string>{"Stolen"});
  EXPECT_TRUE(foreignModulesUnderTop(kImage, "TopModule", {"TopModule", "Sub", "Stolen"}).empty());
}

}  // namespace
}  // namespace rtlarena
