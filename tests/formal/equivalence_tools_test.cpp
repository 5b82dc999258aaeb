// Every supported construct against a monitor written by hand. For each case
// the design has free inputs; a checker module holds the SVA property P and a
// hand-written shift-register monitor H that flags a failure at the same cycle.
// Proving "assume P, assert H" and "assume H, assert P" shows that the
// generated monitor accepts exactly the traces the hand-written one does. A
// deliberately wrong hand monitor must come out as a counterexample.
#include <gtest/gtest.h>

#include "rtlarena/formal/checker.h"

using namespace rtlarena;
using namespace rtlarena::formal;

namespace {

struct Case {
  const char *sva; ///< the property, on inputs a, b, c (1 bit) and x (4 bits)
  int firstCheck; ///< window + history: the first cycle both monitors check (no
                  ///< reset)
  const char
      *hand; ///< true when cycle T passes; aN/bN/cN/xN = the input N cycles ago
};

const Case kCases[] = {
    {"a |-> b", 0, "!(a && !b)"},
    {"a |=> b", 1, "!(a1 && !b)"},
    {"a |-> ##2 b", 2, "!(a2 && !b)"},
    {"a |-> ##[1:3] b", 3, "!(a3 && !b2 && !b1 && !b)"},
    {"a |-> ##[0:1] b", 1, "!(a1 && !b1 && !b)"},
    {"a ##1 b |-> c", 1, "!(a1 && b && !c)"},
    {"a[*3] |-> b", 2, "!(a2 && a1 && a && !b)"},
    {"a[*1:2] ##1 b |=> c", 3,
     "!((a3 && b2 && !c1) || (a3 && a2 && b1 && !c))"},
    {"a |-> b ##1 c[*2]", 2, "!(a2 && !(b2 && c1 && c))"},
    {"$rose(a) |-> b", 1, "!(a && !a1 && !b)"},
    {"$fell(a) |=> $stable(x)", 2, "!(!a1 && a2 && x != x1)"},
    {"$changed(x) |-> a", 1, "!(x != x1 && !a)"},
    {"$past(x, 2) == 4'd3 |-> a", 2, "!(x2 == 4'd3 && !a)"},
    {"disable iff (c) a |=> b", 1, "!(a1 && !b && !c1 && !c)"},
    {"a |-> x === 4'd5", 0, "!(a && x != 4'd5)"},
    {"not (a ##1 b)", 1, "!(a1 && b)"},
    {"(a or b) |-> c", 0, "!((a || b) && !c)"},
    {"a |-> b throughout (c ##1 c)", 1, "!(a1 && !(b1 && b && c1 && c))"},
    {"p_next(a, b)", 1, "!(a1 && !b)"},
    {"s_two(a) |-> c", 1, "!(a1 && a && !c)"},
    {"a ##1 b", 1, "a1 && b"},
    {"a intersect (b ##0 c)", 0, "a && b && c"},
};

// Design: free inputs a<i>, b<i>, c<i>, x<i> per case; checkers bound with
// explicit connections.
std::string designText(std::size_t n) {
  std::string d = "module eqv(input clk";
  for (std::size_t i = 0; i < n; ++i) {
    std::string k = std::to_string(i);
    d += ", input a" + k + ", input b" + k + ", input c" + k +
         ", input [3:0] x" + k;
  }
  return d + ");\nendmodule\n";
}

// assumeSva: assume P, assert H; else assume H, assert P.
std::string propsText(bool assumeSva, const std::string &wrongHand = "") {
  std::string p = "property p_next(s, t); s |=> t; endproperty\n"
                  "sequence s_two(s); s ##1 s; endsequence\n";
  for (std::size_t i = 0; i < std::size(kCases); ++i) {
    const Case &c = kCases[i];
    std::string k = std::to_string(i);
    std::string hand = wrongHand.empty() ? c.hand : wrongHand;
    p += "module case" + k +
         "(input clk, input a, input b, input c, input [3:0] x);\n"
         "  reg [7:0] cyc = 0;\n"
         "  reg a1, a2, a3, b1, b2, b3, c1, c2, c3;\n"
         "  reg [3:0] x1, x2, x3;\n"
         "  always @(posedge clk) begin\n"
         "    if (cyc != 8'd255) cyc <= cyc + 8'd1;\n"
         "    a1 <= a; a2 <= a1; a3 <= a2; b1 <= b; b2 <= b1; b3 <= b2;\n"
         "    c1 <= c; c2 <= c1; c3 <= c2; x1 <= x; x2 <= x1; x3 <= x2;\n"
         "  end\n"
         "  wire hand_ok = cyc < " +
         std::to_string(c.firstCheck) + " || (" + hand + ");\n";
    if (assumeSva)
      p += "  assume property (@(posedge clk) " + std::string(c.sva) +
           ");\n"
           "  hand" +
           k + ": assert property (@(posedge clk) hand_ok);\n";
    else
      p += "  assume property (@(posedge clk) hand_ok);\n"
           "  sva" +
           k + ": assert property (@(posedge clk) " + std::string(c.sva) +
           ");\n";
    p += "endmodule\n"
         "bind eqv case" +
         k + " u" + k + " (.clk(clk), .a(a" + k + "), .b(b" + k + "), .c(c" +
         k + "), .x(x" + k + "));\n";
  }
  return p;
}

CheckReport run(const std::string &props) {
  CheckRequest req;
  req.design = {{"eqv.sv", designText(std::size(kCases))}};
  req.top = "eqv";
  req.props = {{"cases.sv", props}};
  req.reset.mode = ResetChoice::Mode::None;
  CheckOptions opt;
  opt.jobs = 2;
  auto r = checkAssertions(req, opt);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? *r : CheckReport{};
}

} // namespace

TEST(FormalEquivalence, GeneratedMonitorImpliesHandWritten) {
  CheckReport r = run(propsText(true));
  ASSERT_EQ(r.assertions.size(), std::size(kCases));
  for (std::size_t i = 0; i < r.assertions.size(); ++i)
    EXPECT_EQ(r.assertions[i].verdict, FormalVerdict::Proven)
        << kCases[i].sva << ": " << formalVerdictName(r.assertions[i].verdict)
        << " " << r.assertions[i].message;
}

TEST(FormalEquivalence, HandWrittenImpliesGeneratedMonitor) {
  CheckReport r = run(propsText(false));
  ASSERT_EQ(r.assertions.size(), std::size(kCases));
  for (std::size_t i = 0; i < r.assertions.size(); ++i) {
    // Properties without an antecedent cannot be vacuous; the others must not
    // be either.
    EXPECT_EQ(r.assertions[i].verdict, FormalVerdict::Proven)
        << kCases[i].sva << ": " << formalVerdictName(r.assertions[i].verdict)
        << " " << r.assertions[i].message;
  }
}

TEST(FormalEquivalence, AWrongHandMonitorIsCaught) {
  // "b must follow a by one cycle" is not what any case says.
  CheckReport r = run(propsText(true, "!(a1 && !b) && !(a && !c)"));
  ASSERT_EQ(r.assertions.size(), std::size(kCases));
  int cex = 0;
  for (const auto &a : r.assertions)
    cex += a.verdict == FormalVerdict::Cex;
  EXPECT_GE(cex, static_cast<int>(std::size(kCases)) - 2);
}
