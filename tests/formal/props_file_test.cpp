// Scanning property files: items, labels, scopes, binds, named properties with
// arguments, and recovery so that one broken item leaves the others intact.
#include <gtest/gtest.h>

#include "rtlarena/formal/props_file.h"
#include "rtlarena/formal/top_ports.h"

using namespace rtlarena;
using namespace rtlarena::formal;

namespace {

PropsSet scan(const std::string &text) {
  return scanPropsFiles({SourceFile{"p.sv", text}});
}

} // namespace

TEST(PropsFile, BareAssertionsWithLabelsAndActions) {
  PropsSet s =
      scan("a1: assert property (@(posedge clk) a |-> b) else $error(\"no\");\n"
           "assert property (@(posedge clk) a |=> b);\n"
           "a3: assert property (@(posedge clk) a) $display(\"ok\"); else "
           "begin $error(\"x\"); end\n"
           "assume property (@(posedge clk) !c);\n");
  ASSERT_EQ(s.assertions.size(), 4u);
  EXPECT_EQ(s.assertions[0].label, "a1");
  EXPECT_EQ(s.assertions[1].label, "");
  EXPECT_EQ(s.assertions[2].line, 3);
  EXPECT_EQ(s.assertions[3].kind, AssertionKind::Assume);
  for (const auto &a : s.assertions) {
    EXPECT_FALSE(a.issue) << a.issue.message;
    EXPECT_EQ(a.scope, "");
  }
  EXPECT_EQ(joinTokens(s.assertions[0].body), "@ ( posedge clk ) a |-> b");
}

TEST(PropsFile, OneBrokenItemLeavesTheOthers) {
  PropsSet s = scan("a1: assert property (@(posedge clk) a |-> b);\n"
                    "a2: assert property (@(posedge clk) a |-> (b;\n"
                    "a3: assert property (@(posedge clk) a |=> b)\n"
                    "a4: assert property (@(posedge clk) c);\n");
  ASSERT_EQ(s.assertions.size(), 4u);
  EXPECT_FALSE(s.assertions[0].issue);
  EXPECT_EQ(s.assertions[1].issue.kind, ParseIssue::Kind::Syntax);
  EXPECT_EQ(s.assertions[2].issue.kind,
            ParseIssue::Kind::Syntax); // missing ';'
  EXPECT_FALSE(s.assertions[3].issue) << s.assertions[3].issue.message;
  EXPECT_EQ(s.assertions[3].label, "a4");
}

TEST(PropsFile, CheckerModuleBindAndNamedProperties) {
  PropsSet s = scan("module chk #(parameter LAT = 2) (input clk, input rst, "
                    "input req, input ack);\n"
                    "  default clocking @(posedge clk); endclocking\n"
                    "  default disable iff (rst);\n"
                    "  sequence s_req(r); r ##1 !r; endsequence\n"
                    "  property p_ack(r, a, n = 3);\n"
                    "    s_req(r) |-> ##n a;\n"
                    "  endproperty : p_ack\n"
                    "  named: assert property (p_ack(req, ack));\n"
                    "  assert property (p_ack(.r(req), .a(ack), .n(LAT)));\n"
                    "  always @(posedge clk) assert (req || !ack);\n"
                    "endmodule\n"
                    "bind dut chk #(.LAT(2)) u_chk (.*);\n");
  ASSERT_EQ(s.modules.size(), 1u);
  EXPECT_EQ(s.modules[0].name, "chk");
  EXPECT_EQ(s.modules[0].constants.at("LAT"), 2);
  EXPECT_EQ(joinTokens(s.modules[0].defaultClock), "posedge clk");
  EXPECT_EQ(joinTokens(s.modules[0].defaultDisable), "rst");
  ASSERT_EQ(s.binds.size(), 1u);
  EXPECT_EQ(s.binds[0].target, "dut");
  EXPECT_EQ(s.binds[0].module, "chk");
  EXPECT_EQ(s.binds[0].instanceText, "chk #(.LAT(2)) u_chk (.*);");
  ASSERT_EQ(s.assertions.size(), 3u);
  EXPECT_EQ(s.assertions[0].scope, "chk");
  EXPECT_EQ(joinTokens(s.assertions[0].body),
            "( ( ( req ) ) ## 1 ! ( ( req ) ) ) |-> ## ( 3 ) ( ack )");
  EXPECT_EQ(joinTokens(s.assertions[1].body),
            "( ( ( req ) ) ## 1 ! ( ( req ) ) ) |-> ## ( LAT ) ( ack )");
  EXPECT_EQ(s.assertions[2].kind, AssertionKind::Immediate);
  EXPECT_EQ(s.assertions[2].issue.kind, ParseIssue::Kind::Unsupported);
}

TEST(PropsFile, MissingArgumentIsASyntaxError) {
  PropsSet s = scan("property p(a, b); a |-> b; endproperty\nassert property "
                    "(@(posedge clk) p(x));\n");
  ASSERT_EQ(s.assertions.size(), 1u);
  EXPECT_EQ(s.assertions[0].issue.kind, ParseIssue::Kind::Syntax);
  EXPECT_NE(s.assertions[0].issue.message.find("'b'"), std::string::npos);
}

TEST(TopPorts, ClockAndResetAreInferredFromNames) {
  const std::string src = "module m(input wire clk, input rst_n, input [3:0] "
                          "d, output q);\nendmodule\n"
                          "module n(clock, reset, en);\n input clock; input "
                          "reset;\n input en;\nendmodule\n";
  auto m = topInputs(src, "m");
  ASSERT_EQ(m.size(), 3u);
  EXPECT_FALSE(m[2].singleBit);
  EXPECT_EQ(inferClock(m), "clk");
  EXPECT_EQ(inferReset(m, "clk"), "rst_n");
  auto n = topInputs(src, "n");
  EXPECT_EQ(inferClock(n), "clock");
  EXPECT_EQ(inferReset(n, "clock"), "reset");
  for (const char *low :
       {"rst_n", "resetn", "rstn", "rst_ni", "aresetn", "nreset", "rstn_i"})
    EXPECT_TRUE(resetNameIsActiveLow(low)) << low;
  for (const char *high : {"rst", "reset", "rst_i", "rst_in", "areset", "srst"})
    EXPECT_FALSE(resetNameIsActiveLow(high)) << high;
  EXPECT_EQ(inferClock({{"clk_a", true}, {"clk_b", true}}), "");
}
