// Recursive-descent parser of the SVA subset (see sva_parser.h). Booleans use
// precedence climbing with SystemVerilog's operator table; sequences sit on top
// of them. A parenthesis in sequence position is first tried as a boolean and
// re-read as a sequence only if that fails, so
// `(a && b) ##1 c` and `(a ##1 b) |-> c` both parse.
#include "rtlarena/formal/sva_parser.h"

#include <cstdlib>
#include <set>

namespace rtlarena::formal {
namespace {

constexpr int kMaxBound =
    256; // longest delay or repetition a monitor is built for

const std::set<std::string> &unsupportedWords() {
  static const std::set<std::string> w = {"within",
                                          "first_match",
                                          "until",
                                          "s_until",
                                          "until_with",
                                          "s_until_with",
                                          "implies",
                                          "iff",
                                          "nexttime",
                                          "s_nexttime",
                                          "always",
                                          "s_always",
                                          "eventually",
                                          "s_eventually",
                                          "accept_on",
                                          "reject_on",
                                          "sync_accept_on",
                                          "sync_reject_on",
                                          "strong",
                                          "weak",
                                          "if",
                                          "case",
                                          "expect",
                                          "local",
                                          "checker",
                                          "let"};
  return w;
}

const std::set<std::string> &sequenceWords() {
  static const std::set<std::string> w = {
      "and",     "or",   "not",     "intersect", "throughout", "posedge",
      "negedge", "edge", "disable", "inside",    "else"};
  return w;
}

const std::set<std::string> &knownSystemFunctions() {
  static const std::set<std::string> f = {
      "$past",   "$rose",     "$fell",      "$stable",    "$changed",
      "$onehot", "$onehot0",  "$countones", "$isunknown", "$sampled",
      "$signed", "$unsigned", "$clog2",     "$bits"};
  return f;
}

int binaryPrecedence(const Token &t) {
  if (t.kind != TokenKind::Op)
    return t.kind == TokenKind::Ident && t.text == "inside" ? 9 : 0;
  static const std::map<std::string, int> p = {
      {"->", 1},  {"<->", 1}, {"?", 2},   {"||", 3},  {"&&", 4},   {"|", 5},
      {"^", 6},   {"~^", 6},  {"^~", 6},  {"&", 7},   {"==", 8},   {"!=", 8},
      {"===", 8}, {"!==", 8}, {"==?", 8}, {"!=?", 8}, {"<", 9},    {"<=", 9},
      {">", 9},   {">=", 9},  {"<<", 10}, {">>", 10}, {"<<<", 10}, {">>>", 10},
      {"+", 11},  {"-", 11},  {"*", 12},  {"/", 12},  {"%", 12},   {"**", 13}};
  auto it = p.find(t.text);
  return it == p.end() ? 0 : it->second;
}

bool isUnaryOp(const Token &t) {
  static const std::set<std::string> u = {"!", "~",  "-",  "+",  "&", "|",
                                          "^", "~&", "~|", "~^", "^~"};
  return t.kind == TokenKind::Op && u.count(t.text) > 0;
}

ExprPtr makeExpr(Expr::Kind k, std::string text,
                 std::vector<ExprPtr> kids = {}) {
  auto e = std::make_shared<Expr>();
  e->kind = k;
  e->text = std::move(text);
  e->kids = std::move(kids);
  return e;
}

SeqPtr makeSeq(Seq::Kind k, std::vector<SeqPtr> kids = {}, int lo = 0,
               int hi = 0) {
  auto s = std::make_shared<Seq>();
  s->kind = k;
  s->kids = std::move(kids);
  s->lo = lo;
  s->hi = hi;
  return s;
}

class Parser {
public:
  Parser(const std::vector<Token> &t, const ConstantTable &c)
      : t_(t), constants_(c) {}

  SpecParse spec() {
    SpecParse out;
    PropertySpec spec;
    end_ = t_.size();
    // Named properties expand in parentheses and may bring their own clock and
    // disable, so parentheses around the whole rest, clocks and disables may
    // alternate.
    for (bool progress = true; progress;) {
      progress = false;
      while (pos_ < end_ && at("(") && matching(pos_) == end_ - 1) {
        ++pos_;
        --end_;
        progress = true;
      }
      if (accept("@")) {
        if (!expect("("))
          return fail(out);
        if (atWord("negedge") || atWord("edge"))
          return unsupported(out, "a clock edge other than posedge");
        if (!acceptWord("posedge"))
          return unsupported(out, "a clocking event without posedge");
        ExprPtr clock = expr();
        if (!clock)
          return fail(out);
        if (atWord("iff"))
          return unsupported(out, "a gated clock (@(posedge clk iff ...))");
        if (!expect(")"))
          return fail(out);
        if (spec.clock && printExpr(*spec.clock) != printExpr(*clock))
          return unsupported(out, "two different clocks");
        spec.clock = clock;
        progress = true;
      }
      if (acceptWord("disable")) {
        if (!acceptWord("iff"))
          return syntax(out);
        if (!expect("("))
          return fail(out);
        ExprPtr d = expr();
        if (!d || !expect(")"))
          return fail(out);
        spec.disable =
            spec.disable ? makeExpr(Expr::Kind::Binary, "||", {spec.disable, d})
                         : d;
        progress = true;
      }
    }
    if (!property(spec.property))
      return fail(out);
    if (pos_ < end_) {
      if (issue_.kind == ParseIssue::Kind::None)
        syntaxAt(pos_);
      return fail(out);
    }
    out.spec = std::move(spec);
    return out;
  }

  ExprParse booleanOnly() {
    ExprParse out;
    end_ = t_.size();
    out.expr = expr();
    if (out.expr && pos_ < end_) {
      syntaxAt(pos_);
      out.expr = nullptr;
    }
    out.issue = issue_;
    return out;
  }

private:
  const std::vector<Token> &t_;
  const ConstantTable &constants_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  ParseIssue issue_;

  // --- token helpers ---
  bool at(const char *s) const {
    return pos_ < end_ && t_[pos_].kind == TokenKind::Op && t_[pos_].text == s;
  }
  bool atText(const char *s) const { return pos_ < end_ && t_[pos_].text == s; }
  bool atWord(const char *s) const {
    return pos_ < end_ && t_[pos_].kind == TokenKind::Ident &&
           t_[pos_].text == s;
  }
  bool accept(const char *s) {
    if (!at(s))
      return false;
    ++pos_;
    return true;
  }
  bool acceptWord(const char *s) {
    if (!atWord(s))
      return false;
    ++pos_;
    return true;
  }
  bool expect(const char *s) {
    if (accept(s))
      return true;
    if (issue_.kind == ParseIssue::Kind::None)
      syntaxAt(pos_, std::string("expected '") + s + "'");
    return false;
  }
  std::size_t matching(std::size_t open) const {
    int depth = 0;
    for (std::size_t i = open; i < t_.size(); ++i) {
      if (t_[i].kind != TokenKind::Op)
        continue;
      if (t_[i].text == "(")
        ++depth;
      if (t_[i].text == ")" && --depth == 0)
        return i;
    }
    return t_.size();
  }
  int lineAt(std::size_t i) const {
    if (t_.empty())
      return 0;
    return t_[std::min(i, t_.size() - 1)].line;
  }
  void syntaxAt(std::size_t i, const std::string &what = "") {
    if (issue_)
      return;
    issue_.kind = ParseIssue::Kind::Syntax;
    std::string near =
        i < end_ ? "'" + t_[i].text + "'" : "the end of the property";
    issue_.message = "syntax error near " + near +
                     (what.empty() ? "" : " (" + what + ")") + " (line " +
                     std::to_string(lineAt(i)) + ")";
  }
  void unsupportedAt(std::size_t i, const std::string &what) {
    if (issue_ && issue_.kind == ParseIssue::Kind::Unsupported)
      return;
    issue_.kind = ParseIssue::Kind::Unsupported;
    issue_.message =
        "unsupported: " + what + " (line " + std::to_string(lineAt(i)) + ")";
  }
  SpecParse fail(SpecParse &out) {
    if (!issue_)
      syntaxAt(pos_);
    out.issue = issue_;
    return out;
  }
  SpecParse unsupported(SpecParse &out, const std::string &what) {
    unsupportedAt(pos_, what);
    return fail(out);
  }
  SpecParse syntax(SpecParse &out) {
    syntaxAt(pos_);
    return fail(out);
  }
  // A word SVA knows but the subset leaves out is "unsupported", never a syntax
  // error.
  bool rejectUnsupportedWord() {
    if (pos_ >= end_)
      return false;
    const Token &t = t_[pos_];
    if (t.kind == TokenKind::Ident && unsupportedWords().count(t.text)) {
      unsupportedAt(pos_, "'" + t.text + "'");
      return true;
    }
    if (t.kind == TokenKind::Op &&
        (t.text == "[=" || t.text == "[->" || t.text == "[+]" ||
         t.text == "#-#" || t.text == "#=#")) {
      unsupportedAt(pos_, "'" + t.text + "'");
      return true;
    }
    return false;
  }

  // --- constants ---
  std::optional<long> constant(const ExprPtr &e) const {
    if (!e)
      return std::nullopt;
    if (e->kind == Expr::Kind::Number) {
      if (e->text.find_first_of("xXzZ?") != std::string::npos)
        return std::nullopt;
      auto q = e->text.find('\'');
      if (q == std::string::npos)
        return std::strtol(e->text.c_str(), nullptr, 10);
      std::string d = e->text.substr(q + 1);
      if (!d.empty() && (d[0] == 's' || d[0] == 'S'))
        d.erase(0, 1);
      int base = 10;
      char b = d.empty() ? 'd'
                         : static_cast<char>(
                               std::tolower(static_cast<unsigned char>(d[0])));
      if (b == 'h')
        base = 16;
      if (b == 'b')
        base = 2;
      if (b == 'o')
        base = 8;
      if (b == 'h' || b == 'b' || b == 'o' || b == 'd')
        d.erase(0, 1);
      std::string digits;
      for (char c : d)
        if (c != '_' && c != ' ')
          digits += c;
      if (digits.empty())
        return std::nullopt;
      return std::strtol(digits.c_str(), nullptr, base);
    }
    if (e->kind == Expr::Kind::Ident) {
      auto it = constants_.find(e->text);
      if (it == constants_.end())
        return std::nullopt;
      return it->second;
    }
    if (e->kind == Expr::Kind::Binary) {
      auto a = constant(e->kids[0]), b = constant(e->kids[1]);
      if (!a || !b)
        return std::nullopt;
      if (e->text == "+")
        return *a + *b;
      if (e->text == "-")
        return *a - *b;
      if (e->text == "*")
        return *a * *b;
    }
    return std::nullopt;
  }

  // A bound of a delay or a repetition: a number, a parameter or a
  // parenthesised constant.
  std::optional<int> bound() {
    std::size_t at0 = pos_;
    ExprPtr e;
    if (at("(")) {
      ++pos_;
      e = expr();
      if (!e || !expect(")"))
        return std::nullopt;
    } else if (atText("$")) {
      unsupportedAt(pos_, "an unbounded range ($)");
      return std::nullopt;
    } else if (pos_ < end_ && (t_[pos_].kind == TokenKind::Number ||
                               t_[pos_].kind == TokenKind::Ident)) {
      e = primary();
      if (!e)
        return std::nullopt;
    } else {
      syntaxAt(pos_, "expected a constant");
      return std::nullopt;
    }
    auto v = constant(e);
    if (!v) {
      unsupportedAt(at0, "a delay or repetition that is not a constant (" +
                             printExpr(*e) + ")");
      return std::nullopt;
    }
    if (*v < 0 || *v > kMaxBound) {
      unsupportedAt(at0,
                    "a delay or repetition above " + std::to_string(kMaxBound));
      return std::nullopt;
    }
    return static_cast<int>(*v);
  }

  // `N`, `[m:n]` after `##` or `[*`; the closing `]` of a repetition is
  // consumed here too.
  bool range(int &lo, int &hi, bool bracketOpen) {
    if (!bracketOpen && !accept("[")) {
      auto v = bound();
      if (!v)
        return false;
      lo = hi = *v;
      return true;
    }
    if (at("*") || at("+") || at("]")) {
      unsupportedAt(pos_, "an unbounded range");
      return false;
    }
    auto a = bound();
    if (!a)
      return false;
    lo = hi = *a;
    if (accept(":")) {
      auto b = bound();
      if (!b)
        return false;
      hi = *b;
    }
    if (hi < lo) {
      syntaxAt(pos_, "range with its upper bound below its lower bound");
      return false;
    }
    return expect("]");
  }

  // --- properties and sequences ---
  bool property(Property &p) {
    if (rejectUnsupportedWord())
      return false;
    if (acceptWord("not")) {
      p.kind = Property::Kind::Not;
      p.consequent = sequence();
      return p.consequent != nullptr && !implicationFollows();
    }
    SeqPtr a = sequence();
    if (!a)
      return false;
    if (accept("|->") || accept("|=>")) {
      p.kind = t_[pos_ - 1].text == "|->" ? Property::Kind::Overlapping
                                          : Property::Kind::NextCycle;
      p.antecedent = a;
      if (rejectUnsupportedWord())
        return false;
      if (atWord("not")) {
        unsupportedAt(pos_, "'not' in a consequent");
        return false;
      }
      p.consequent = sequence();
      if (!p.consequent)
        return false;
      if (implicationFollows())
        return false;
      if (minSpan(*p.consequent) < 0) {
        unsupportedAt(pos_ - 1, "a consequent that can match empty");
        return false;
      }
      return true;
    }
    p.kind = Property::Kind::Sequence;
    p.consequent = a;
    if (implicationFollows())
      return false;
    if (minSpan(*a) < 0) {
      unsupportedAt(pos_ - 1, "a property sequence that can match empty");
      return false;
    }
    return true;
  }

  bool implicationFollows() {
    if (at("|->") || at("|=>")) {
      unsupportedAt(pos_, "a nested implication");
      return true;
    }
    return rejectUnsupportedWord();
  }

  SeqPtr sequence() {
    SeqPtr a = seqAnd();
    while (a && acceptWord("or")) {
      SeqPtr b = seqAnd();
      if (!b)
        return nullptr;
      a = makeSeq(Seq::Kind::Or, {a, b});
    }
    return a;
  }
  SeqPtr seqAnd() {
    SeqPtr a = seqIntersect();
    while (a && acceptWord("and")) {
      SeqPtr b = seqIntersect();
      if (!b)
        return nullptr;
      a = makeSeq(Seq::Kind::And, {a, b});
    }
    return a;
  }
  SeqPtr seqIntersect() {
    SeqPtr a = seqThroughout();
    while (a && acceptWord("intersect")) {
      SeqPtr b = seqThroughout();
      if (!b)
        return nullptr;
      a = makeSeq(Seq::Kind::Intersect, {a, b});
    }
    if (a && atWord("within")) {
      unsupportedAt(pos_, "'within'");
      return nullptr;
    }
    return a;
  }
  SeqPtr seqThroughout() {
    SeqPtr a = seqConcat();
    if (!a || !atWord("throughout"))
      return a;
    if (a->kind != Seq::Kind::Bool) {
      syntaxAt(pos_, "the left side of throughout must be a boolean");
      return nullptr;
    }
    ++pos_;
    SeqPtr b = seqThroughout();
    if (!b)
      return nullptr;
    auto s = makeSeq(Seq::Kind::Throughout, {b});
    s->boolean = a->boolean;
    return s;
  }
  SeqPtr seqConcat() {
    SeqPtr a;
    if (at("##")) {
      a = makeSeq(Seq::Kind::Bool);
      a->boolean = makeExpr(Expr::Kind::Number, "1'b1");
    } else {
      a = seqRepeat();
    }
    while (a && accept("##")) {
      int lo = 0, hi = 0;
      if (rejectUnsupportedWord())
        return nullptr;
      if (!range(lo, hi, false))
        return nullptr;
      SeqPtr b = seqRepeat();
      if (!b)
        return nullptr;
      a = makeSeq(Seq::Kind::Concat, {a, b}, lo, hi);
    }
    return a;
  }
  SeqPtr seqRepeat() {
    SeqPtr a = seqPrimary();
    while (a && accept("[*")) {
      int lo = 0, hi = 0;
      if (!range(lo, hi, true))
        return nullptr;
      a = makeSeq(Seq::Kind::Repeat, {a}, lo, hi);
    }
    if (a && (at("[=") || at("[->") || at("[+]"))) {
      unsupportedAt(pos_, "the repetition '" + t_[pos_].text + "'");
      return nullptr;
    }
    return a;
  }
  SeqPtr seqPrimary() {
    if (rejectUnsupportedWord())
      return nullptr;
    if (at("(")) {
      // A parenthesised boolean stays a boolean (so `(a || b) && c` parses);
      // only if that fails is the parenthesis a sequence.
      std::size_t save = pos_;
      ParseIssue saved = issue_;
      ExprPtr e = expr();
      if (e && continuesSequence())
        return boolSeq(e);
      if (issue_.kind == ParseIssue::Kind::Unsupported &&
          !containsSequenceOperator(save))
        return nullptr;
      pos_ = save;
      issue_ = saved;
      ++pos_;
      SeqPtr s = sequence();
      if (s && (at("|->") || at("|=>"))) {
        unsupportedAt(pos_, "a nested implication");
        return nullptr;
      }
      if (!s || !expect(")"))
        return nullptr;
      return s;
    }
    if (atWord("not")) {
      unsupportedAt(pos_, "'not' inside a sequence");
      return nullptr;
    }
    ExprPtr e = expr();
    if (!e)
      return nullptr;
    return boolSeq(e);
  }
  // Whether a sequence operator occurs inside the parenthesis opened at `open`.
  bool containsSequenceOperator(std::size_t open) const {
    std::size_t close = std::min(matching(open), end_);
    for (std::size_t i = open; i < close; ++i) {
      const Token &t = t_[i];
      if (t.kind == TokenKind::Op && (t.text == "##" || t.text == "[*" ||
                                      t.text == "|->" || t.text == "|=>"))
        return true;
      if (t.kind == TokenKind::Ident && sequenceWords().count(t.text) &&
          t.text != "inside")
        return true;
    }
    return false;
  }
  bool continuesSequence() const {
    if (pos_ >= end_)
      return true;
    const Token &t = t_[pos_];
    if (t.kind == TokenKind::Op)
      return t.text == "##" || t.text == "[*" || t.text == ")" ||
             t.text == "|->" || t.text == "|=>" || t.text == "[=" ||
             t.text == "[->" || t.text == "[+]" || t.text == "#-#" ||
             t.text == "#=#";
    return t.kind == TokenKind::Ident &&
           (sequenceWords().count(t.text) || unsupportedWords().count(t.text));
  }
  SeqPtr boolSeq(ExprPtr e) {
    auto s = makeSeq(Seq::Kind::Bool);
    s->boolean = std::move(e);
    return s;
  }

  // --- booleans ---
  ExprPtr expr(int minPrec = 1) {
    ExprPtr lhs = unary();
    while (lhs && pos_ < end_) {
      const Token &t = t_[pos_];
      int prec = binaryPrecedence(t);
      if (prec == 0 || prec < minPrec)
        break;
      if (t.text == "==?" || t.text == "!=?") {
        unsupportedAt(pos_, "wildcard equality '" + t.text + "'");
        return nullptr;
      }
      ++pos_;
      if (t.text == "?") {
        ExprPtr a = expr(1);
        if (!a || !expect(":"))
          return nullptr;
        ExprPtr b = expr(2);
        if (!b)
          return nullptr;
        lhs = makeExpr(Expr::Kind::Ternary, "?", {lhs, a, b});
        continue;
      }
      if (t.text == "inside") {
        lhs = insideList(lhs);
        continue;
      }
      bool right = t.text == "->" || t.text == "<->" || t.text == "**";
      ExprPtr rhs = expr(right ? prec : prec + 1);
      if (!rhs)
        return nullptr;
      lhs = makeExpr(Expr::Kind::Binary, t.text, {lhs, rhs});
    }
    return lhs;
  }

  ExprPtr insideList(ExprPtr lhs) {
    if (!expect("{"))
      return nullptr;
    std::vector<ExprPtr> kids = {lhs};
    do {
      if (accept("[")) {
        ExprPtr lo = expr(), hi;
        if (!lo || !expect(":"))
          return nullptr;
        if (atText("$")) {
          unsupportedAt(pos_, "an open range in inside");
          return nullptr;
        }
        hi = expr();
        if (!hi || !expect("]"))
          return nullptr;
        kids.push_back(makeExpr(Expr::Kind::Range, ":", {nullptr, lo, hi}));
      } else {
        ExprPtr v = expr();
        if (!v)
          return nullptr;
        kids.push_back(v);
      }
    } while (accept(","));
    if (!expect("}"))
      return nullptr;
    return makeExpr(Expr::Kind::Inside, "inside", std::move(kids));
  }

  ExprPtr unary() {
    if (pos_ < end_ && isUnaryOp(t_[pos_])) {
      std::string op = t_[pos_++].text;
      ExprPtr e = unary();
      if (!e)
        return nullptr;
      return makeExpr(Expr::Kind::Unary, op, {e});
    }
    return postfix(primary());
  }

  ExprPtr postfix(ExprPtr e) {
    while (e && at("[")) {
      ++pos_;
      ExprPtr a = expr();
      if (!a)
        return nullptr;
      if (at(":") || at("+:") || at("-:")) {
        std::string op = t_[pos_++].text;
        ExprPtr b = expr();
        if (!b || !expect("]"))
          return nullptr;
        e = makeExpr(Expr::Kind::Range, op, {e, a, b});
      } else {
        if (!expect("]"))
          return nullptr;
        e = makeExpr(Expr::Kind::Index, "[]", {e, a});
      }
    }
    if (e && at(".")) {
      unsupportedAt(pos_, "a hierarchical or member reference");
      return nullptr;
    }
    if (e && at("'")) {
      unsupportedAt(pos_, "a cast");
      return nullptr;
    }
    return e;
  }

  std::vector<ExprPtr> arguments() {
    std::vector<ExprPtr> args;
    if (!expect("("))
      return {};
    if (accept(")"))
      return args;
    do {
      ExprPtr a = expr();
      if (!a)
        return {};
      args.push_back(a);
    } while (accept(","));
    if (!expect(")"))
      return {};
    return args;
  }

  ExprPtr systemCall() {
    const Token &name = t_[pos_];
    std::size_t at0 = pos_;
    if (!knownSystemFunctions().count(name.text)) {
      unsupportedAt(pos_, "system function " + name.text);
      return nullptr;
    }
    ++pos_;
    if (!at("(")) {
      syntaxAt(pos_, "expected '(' after " + name.text);
      return nullptr;
    }
    auto args = arguments();
    if (args.empty()) {
      if (!issue_)
        syntaxAt(pos_, name.text + " needs an argument");
      return nullptr;
    }
    const std::string &n = name.text;
    if (n == "$past") {
      if (args.size() > 2) {
        unsupportedAt(at0, "$past with a gating expression or clock");
        return nullptr;
      }
      if (args.size() == 2) {
        auto v = constant(args[1]);
        if (!v || *v < 1 || *v > kMaxBound) {
          unsupportedAt(at0,
                        "$past with a depth that is not a constant from 1 to " +
                            std::to_string(kMaxBound));
          return nullptr;
        }
        args[1] = makeExpr(Expr::Kind::Number, std::to_string(*v));
      }
    } else if (n == "$rose" || n == "$fell" || n == "$stable" ||
               n == "$changed" || n == "$sampled") {
      if (args.size() != 1) {
        unsupportedAt(at0, n + " with a clock argument");
        return nullptr;
      }
    }
    return makeExpr(Expr::Kind::Call, n, std::move(args));
  }

  ExprPtr primary() {
    if (pos_ >= end_) {
      syntaxAt(pos_, "expected an expression");
      return nullptr;
    }
    const Token &t = t_[pos_];
    switch (t.kind) {
    case TokenKind::Number:
      ++pos_;
      return makeExpr(Expr::Kind::Number, t.text);
    case TokenKind::System:
      return systemCall();
    case TokenKind::String:
    case TokenKind::Directive:
      if (t.kind == TokenKind::Directive)
        unsupportedAt(pos_, "the macro " + t.text);
      else
        syntaxAt(pos_);
      return nullptr;
    case TokenKind::Ident: {
      if (unsupportedWords().count(t.text)) {
        unsupportedAt(pos_, "'" + t.text + "'");
        return nullptr;
      }
      if (sequenceWords().count(t.text)) {
        syntaxAt(pos_);
        return nullptr;
      }
      ++pos_;
      if (at("(")) { // one of the scope's functions; Yosys checks it exists
        auto args = arguments();
        if (issue_)
          return nullptr;
        return makeExpr(Expr::Kind::Call, t.text, std::move(args));
      }
      return makeExpr(Expr::Kind::Ident, t.text);
    }
    case TokenKind::Op:
      break;
    }
    if (accept("(")) {
      ExprPtr e = expr();
      if (!e || !expect(")"))
        return nullptr;
      return e;
    }
    if (accept("{")) {
      if (at("<<") || at(">>")) {
        unsupportedAt(pos_, "a streaming concatenation");
        return nullptr;
      }
      ExprPtr first = expr();
      if (!first)
        return nullptr;
      if (at("{")) {
        ++pos_;
        std::vector<ExprPtr> kids = {first};
        do {
          ExprPtr k = expr();
          if (!k)
            return nullptr;
          kids.push_back(k);
        } while (accept(","));
        if (!expect("}") || !expect("}"))
          return nullptr;
        return makeExpr(Expr::Kind::Repeat, "{}", std::move(kids));
      }
      std::vector<ExprPtr> kids = {first};
      while (accept(",")) {
        ExprPtr k = expr();
        if (!k)
          return nullptr;
        kids.push_back(k);
      }
      if (!expect("}"))
        return nullptr;
      return makeExpr(Expr::Kind::Concat, "{}", std::move(kids));
    }
    if (t.text == "'") {
      unsupportedAt(pos_, "a cast or assignment pattern");
      return nullptr;
    }
    if (rejectUnsupportedWord())
      return nullptr;
    syntaxAt(pos_);
    return nullptr;
  }
};

} // namespace

SpecParse parsePropertySpec(const std::vector<Token> &tokens,
                            const ConstantTable &constants) {
  return Parser(tokens, constants).spec();
}

ExprParse parseBooleanExpr(const std::vector<Token> &tokens,
                           const ConstantTable &constants) {
  return Parser(tokens, constants).booleanOnly();
}

} // namespace rtlarena::formal
