// The SVA front end without tools: lexing, parsing of every supported
// construct, and the unsupported/syntax distinction for what the subset leaves
// out.
#include <gtest/gtest.h>

#include "rtlarena/formal/sv_lexer.h"
#include "rtlarena/formal/sva_parser.h"

using namespace rtlarena::formal;

namespace {

SpecParse parse(const std::string &text, const ConstantTable &constants = {}) {
  LexResult lex = lexSystemVerilog(text);
  EXPECT_EQ(lex.error, "");
  return parsePropertySpec(lex.tokens, constants);
}

std::string property(const std::string &text) {
  SpecParse p = parse(text);
  if (!p.spec)
    return "ERROR " + p.issue.message;
  const Property &prop = p.spec->property;
  std::string out;
  if (prop.antecedent)
    out = printSeq(*prop.antecedent) +
          (prop.kind == Property::Kind::Overlapping ? " |-> " : " |=> ");
  if (prop.kind == Property::Kind::Not)
    out = "not ";
  return out + printSeq(*prop.consequent);
}

ParseIssue::Kind issueOf(const std::string &text) {
  return parse(text).issue.kind;
}

} // namespace

TEST(SvLexer, SvaOperatorsAreSingleTokens) {
  auto t = lexSystemVerilog("a |-> ##[1:3] b[*2] |=> c === 4'b10x1 // tail\n")
               .tokens;
  std::vector<std::string> texts;
  for (const auto &k : t)
    texts.push_back(k.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"a", "|->", "##", "[", "1", ":",
                                             "3", "]", "b", "[*", "2", "]",
                                             "|=>", "c", "===", "4'b10x1"}));
  EXPECT_EQ(t.back().kind, TokenKind::Number);
}

TEST(SvLexer, CommentsAttributesAndLinesAreTracked) {
  auto r = lexSystemVerilog("/* x\n y */ (* keep *) a\n// c\n  b");
  ASSERT_EQ(r.tokens.size(), 2u);
  EXPECT_EQ(r.tokens[0].line, 2);
  EXPECT_EQ(r.tokens[1].line, 4);
  EXPECT_NE(lexSystemVerilog("\"open").error, "");
}

TEST(SvaParser, ClockAndDisableAreTakenApart) {
  SpecParse p = parse("@(posedge clk) disable iff (!rst_n) a |-> b");
  ASSERT_TRUE(p.spec) << p.issue.message;
  EXPECT_EQ(printExpr(*p.spec->clock), "clk");
  EXPECT_EQ(printExpr(*p.spec->disable), "(!rst_n)");
  EXPECT_EQ(p.spec->property.kind, Property::Kind::Overlapping);
}

TEST(SvaParser, SupportedSequenceOperators) {
  EXPECT_EQ(property("a |=> b"), "a |=> b");
  EXPECT_EQ(property("a |-> ##2 b"), "a |-> (1'b1 ##2 b)");
  EXPECT_EQ(property("a ##1 b |-> ##[1:3] c"),
            "(a ##1 b) |-> (1'b1 ##[1:3] c)");
  EXPECT_EQ(property("a[*3] |-> b[*1:2]"), "(a[*3]) |-> (b[*1:2])");
  EXPECT_EQ(property("(a && b) ##1 c |-> d"), "((a && b) ##1 c) |-> d");
  EXPECT_EQ(property("(a ##1 b) or c |-> d"), "((a ##1 b) or c) |-> d");
  EXPECT_EQ(property("a |-> b throughout (c ##1 c)"),
            "a |-> (b throughout (c ##1 c))");
  EXPECT_EQ(property("a and b ##1 c |-> d"), "(a and (b ##1 c)) |-> d");
  EXPECT_EQ(property("not (a ##1 b)"), "not (a ##1 b)");
  EXPECT_EQ(property("(a || b) && c"), "((a || b) && c)");
}

TEST(SvaParser, BooleansKeepTheirMeaningWhenPrinted) {
  EXPECT_EQ(property("a |-> x === 4'd3"), "a |-> (x == 4'd3)");
  EXPECT_EQ(property("a |-> x !== 4'bxx00"), "a |-> 1'b1");
  EXPECT_EQ(property("a |-> !$isunknown(x)"), "a |-> (!1'b0)");
  EXPECT_EQ(property("$rose(a) |=> $past(x, 2) == x[3:0]"),
            "$rose(a) |=> ($past(x, 2) == x[3:0])");
  EXPECT_EQ(property("a |-> x inside {1, [4:6]}"),
            "a |-> ((x == 1) || (x >= 4 && x <= 6))");
  EXPECT_EQ(property("a |-> (b ? c : d) && {e, f} == 2'b10"),
            "a |-> ((b ? c : d) && ({e, f} == 2'b10))");
  EXPECT_EQ(property("a -> b"), "((!(|a)) || (|b))");
}

TEST(SvaParser, DelayBoundsMayNameConstants) {
  SpecParse p = parse("a |-> ##LAT b", {{"LAT", 2}});
  ASSERT_TRUE(p.spec) << p.issue.message;
  EXPECT_EQ(maxSpan(*p.spec->property.consequent), 2);
  EXPECT_EQ(issueOf("a |-> ##LAT b"), ParseIssue::Kind::Unsupported);
}

TEST(SvaParser, UnsupportedConstructsAreNamed) {
  struct Case {
    const char *text;
    const char *named;
  };
  for (const Case &c :
       {Case{"a |-> s_eventually b", "s_eventually"},
        Case{"a |-> ##[1:$] b", "unbounded"}, Case{"a[->2] |-> b", "[->"},
        Case{"a[=2] |-> b", "[="}, Case{"a |-> b[*]", "unbounded"},
        Case{"a |-> b within c", "within"},
        Case{"a |-> (b |-> c)", "nested implication"},
        Case{"a |-> $past(b, 1, en)", "$past with a gating"},
        Case{"first_match(a ##[1:2] b) |-> c", "first_match"},
        Case{"a until b", "until"},
        Case{"a |-> $countbits(x, 1)", "$countbits"},
        Case{"a |-> top.u.x", "hierarchical"},
        Case{"a |-> b ##1 c until d", "until"}}) {
    SpecParse p = parse(c.text);
    EXPECT_EQ(p.issue.kind, ParseIssue::Kind::Unsupported)
        << c.text << " -> " << p.issue.message;
    EXPECT_NE(p.issue.message.find(c.named), std::string::npos)
        << c.text << " -> " << p.issue.message;
  }
  EXPECT_EQ(parse("@(negedge clk) a").issue.kind,
            ParseIssue::Kind::Unsupported);
}

TEST(SvaParser, BrokenPropertiesAreSyntaxErrors) {
  for (const char *text : {"a |-> ##1 (b", "a |-> b c", "a ##", "a |-> (b == )",
                           "|-> b", "a[*3 |-> b"}) {
    SpecParse p = parse(text);
    EXPECT_EQ(p.issue.kind, ParseIssue::Kind::Syntax)
        << text << " -> " << p.issue.message;
    EXPECT_FALSE(p.spec.has_value());
  }
}

TEST(SvaParser, SpansOfSequences) {
  SpecParse p = parse("a[*1:2] ##[0:2] b |-> c");
  ASSERT_TRUE(p.spec);
  EXPECT_EQ(minSpan(*p.spec->property.antecedent), 0);
  EXPECT_EQ(maxSpan(*p.spec->property.antecedent), 3);
  EXPECT_EQ(
      pastDepth(
          *parse("$past($rose(a), 3)").spec->property.consequent->boolean),
      4);
}
