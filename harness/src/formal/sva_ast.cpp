// Printing and measuring the SVA AST (see sva_ast.h). Booleans are printed
// fully parenthesised so that operator precedence never changes between what
// the user wrote and what Yosys reads.
#include "rtlarena/formal/sva_ast.h"

#include <algorithm>
#include <cstdlib>

namespace rtlarena::formal {
namespace {

bool hasXZ(const std::string &literal) {
  auto q = literal.find('\'');
  if (q == std::string::npos)
    return false;
  return literal.find_first_of("xXzZ?", q) != std::string::npos;
}

bool isNumber(const ExprPtr &e) { return e && e->kind == Expr::Kind::Number; }

std::string printBase(const Expr &e) {
  // `a[3]` and `a[3][2]` must stay unparenthesised: `(a)[3]` is not Verilog.
  if (e.kind == Expr::Kind::Ident || e.kind == Expr::Kind::Index ||
      e.kind == Expr::Kind::Range)
    return printExpr(e);
  return printExpr(e);
}

std::string join(const std::vector<ExprPtr> &kids, std::size_t from) {
  std::string out;
  for (std::size_t i = from; i < kids.size(); ++i)
    out += (i > from ? ", " : "") + printExpr(*kids[i]);
  return out;
}

int literalValue(const Expr &e) {
  std::string t = e.text;
  auto q = t.find('\'');
  if (q == std::string::npos)
    return std::atoi(t.c_str());
  std::string digits = t.substr(q + 1);
  if (!digits.empty() && (digits[0] == 's' || digits[0] == 'S'))
    digits.erase(0, 1);
  int base = 10;
  if (!digits.empty()) {
    char b =
        static_cast<char>(std::tolower(static_cast<unsigned char>(digits[0])));
    if (b == 'h')
      base = 16;
    else if (b == 'b')
      base = 2;
    else if (b == 'o')
      base = 8;
    if (b == 'h' || b == 'b' || b == 'o' || b == 'd')
      digits.erase(0, 1);
  }
  digits.erase(std::remove(digits.begin(), digits.end(), '_'), digits.end());
  return static_cast<int>(std::strtol(digits.c_str(), nullptr, base));
}

} // namespace

std::string printExpr(const Expr &e) {
  using K = Expr::Kind;
  switch (e.kind) {
  case K::Ident:
  case K::Number:
    return e.text;
  case K::Unary:
    return "(" + e.text + printExpr(*e.kids[0]) + ")";
  case K::Binary: {
    const std::string &op = e.text;
    if ((op == "===" || op == "!==") &&
        (isNumber(e.kids[0]) || isNumber(e.kids[1]))) {
      const auto &lit = isNumber(e.kids[0]) ? e.kids[0] : e.kids[1];
      // No two-valued signal is identical to a literal with X or Z bits.
      if (hasXZ(lit->text))
        return op == "===" ? "1'b0" : "1'b1";
    }
    std::string a = printExpr(*e.kids[0]), b = printExpr(*e.kids[1]);
    if (op == "->")
      return "((!(|" + a + ")) || (|" + b + "))";
    if (op == "<->")
      return "((|" + a + ") == (|" + b + "))";
    std::string o = op == "===" ? "==" : op == "!==" ? "!=" : op;
    return "(" + a + " " + o + " " + b + ")";
  }
  case K::Ternary:
    return "(" + printExpr(*e.kids[0]) + " ? " + printExpr(*e.kids[1]) + " : " +
           printExpr(*e.kids[2]) + ")";
  case K::Index:
    return printBase(*e.kids[0]) + "[" + printExpr(*e.kids[1]) + "]";
  case K::Range:
    return printBase(*e.kids[0]) + "[" + printExpr(*e.kids[1]) + e.text +
           printExpr(*e.kids[2]) + "]";
  case K::Concat:
    return "{" + join(e.kids, 0) + "}";
  case K::Repeat:
    return "{" + printExpr(*e.kids[0]) + "{" + join(e.kids, 1) + "}}";
  case K::Call:
    if (e.text == "$isunknown")
      return "1'b0"; // two-valued: nothing is ever unknown
    if (e.text == "$sampled")
      return "(" + printExpr(*e.kids[0]) + ")";
    return e.text + "(" + join(e.kids, 0) + ")";
  case K::Inside: {
    std::string x = printExpr(*e.kids[0]), out;
    for (std::size_t i = 1; i < e.kids.size(); ++i) {
      const Expr &k = *e.kids[i];
      std::string term = k.kind == K::Range && !k.kids[0]
                             ? "(" + x + " >= " + printExpr(*k.kids[1]) +
                                   " && " + x + " <= " + printExpr(*k.kids[2]) +
                                   ")"
                             : "(" + x + " == " + printExpr(k) + ")";
      out += (out.empty() ? "" : " || ") + term;
    }
    return "(" + out + ")";
  }
  }
  return "";
}

int pastDepth(const Expr &e) {
  int deepest = 0;
  for (const auto &k : e.kids)
    if (k)
      deepest = std::max(deepest, pastDepth(*k));
  if (e.kind != Expr::Kind::Call)
    return deepest;
  if (e.text == "$past") {
    int n = e.kids.size() > 1 ? literalValue(*e.kids[1]) : 1;
    return pastDepth(*e.kids[0]) + n;
  }
  if (e.text == "$rose" || e.text == "$fell" || e.text == "$stable" ||
      e.text == "$changed")
    return pastDepth(*e.kids[0]) + 1;
  return deepest;
}

int minSpan(const Seq &s) {
  using K = Seq::Kind;
  switch (s.kind) {
  case K::Bool:
    return 0;
  case K::Concat:
    return minSpan(*s.kids[0]) + s.lo + minSpan(*s.kids[1]);
  case K::Repeat:
    return s.lo * (minSpan(*s.kids[0]) + 1) - 1;
  case K::Or:
    return std::min(minSpan(*s.kids[0]), minSpan(*s.kids[1]));
  case K::And:
  case K::Intersect:
    return std::max(minSpan(*s.kids[0]), minSpan(*s.kids[1]));
  case K::Throughout:
    return minSpan(*s.kids[0]);
  }
  return 0;
}

int maxSpan(const Seq &s) {
  using K = Seq::Kind;
  switch (s.kind) {
  case K::Bool:
    return 0;
  case K::Concat:
    return maxSpan(*s.kids[0]) + s.hi + maxSpan(*s.kids[1]);
  case K::Repeat:
    return s.hi * (maxSpan(*s.kids[0]) + 1) - 1;
  case K::Or:
  case K::And:
    return std::max(maxSpan(*s.kids[0]), maxSpan(*s.kids[1]));
  case K::Intersect:
    return std::min(maxSpan(*s.kids[0]), maxSpan(*s.kids[1]));
  case K::Throughout:
    return maxSpan(*s.kids[0]);
  }
  return 0;
}

std::string printSeq(const Seq &s) {
  using K = Seq::Kind;
  auto range = [](int lo, int hi) {
    return lo == hi ? std::to_string(lo)
                    : "[" + std::to_string(lo) + ":" + std::to_string(hi) + "]";
  };
  switch (s.kind) {
  case K::Bool:
    return printExpr(*s.boolean);
  case K::Concat:
    return "(" + printSeq(*s.kids[0]) + " ##" + range(s.lo, s.hi) + " " +
           printSeq(*s.kids[1]) + ")";
  case K::Repeat:
    return "(" + printSeq(*s.kids[0]) + "[*" +
           (s.lo == s.hi ? std::to_string(s.lo)
                         : std::to_string(s.lo) + ":" + std::to_string(s.hi)) +
           "])";
  case K::Or:
    return "(" + printSeq(*s.kids[0]) + " or " + printSeq(*s.kids[1]) + ")";
  case K::And:
    return "(" + printSeq(*s.kids[0]) + " and " + printSeq(*s.kids[1]) + ")";
  case K::Intersect:
    return "(" + printSeq(*s.kids[0]) + " intersect " + printSeq(*s.kids[1]) +
           ")";
  case K::Throughout:
    return "(" + printExpr(*s.boolean) + " throughout " + printSeq(*s.kids[0]) +
           ")";
  }
  return "";
}

} // namespace rtlarena::formal
