// The SVA-to-monitor translation (see monitor.h).
//
// A sequence is unrolled into its possible match ends: for an attempt starting
// at offset s, ends(S, s) maps every end offset e to the condition under which
// S matches exactly from s to e, a boolean over taps "boolean B at offset o"
// (`$past(B, W - o)` at check time). Delays and ranges (`##[m:n]`) and
// repetitions (`[*m:n]`) become unions over the offsets they allow, so their
// shift registers are Yosys's `$past` chains. An implication fails when some
// antecedent end e matches and no consequent match starts at e (|->) or e + 1
// (|=>); `disable iff` cancels the attempt when the disable condition holds at
// any offset of its window. Conditions are blocking temporaries so that the
// expression size stays linear in the unrolled length.
#include "rtlarena/formal/monitor.h"

#include <algorithm>
#include <map>
#include <vector>

namespace rtlarena::formal {
namespace {

constexpr int kMaxWindow = 256;
constexpr std::size_t kMaxTemps = 6000;

const std::string kTrue = "1'b1";
const std::string kFalse = "1'b0";

class Builder {
public:
  Builder(std::string prefix, int window)
      : prefix_(std::move(prefix)), window_(window) {}

  bool overflow() const { return overflow_; }
  const std::vector<std::string> &temps() const { return temps_; }
  const std::vector<std::string> &statements() const { return statements_; }

  std::string temp(const std::string &expr) {
    if (expr == kTrue || expr == kFalse || isTemp(expr))
      return expr;
    if (temps_.size() >= kMaxTemps) {
      overflow_ = true;
      return kFalse;
    }
    std::string name = prefix_ + "_t" + std::to_string(temps_.size());
    temps_.push_back(name);
    statements_.push_back(name + " = " + expr + ";");
    return name;
  }

  // The boolean at offset `o` of the attempt, seen from the check at offset W.
  std::string tap(const Expr &boolean, int o) {
    if (boolean.kind == Expr::Kind::Number &&
        (boolean.text == "1'b1" || boolean.text == "1"))
      return kTrue;
    std::string b = "(|" + printExpr(boolean) + ")";
    auto key = std::make_pair(b, o);
    if (auto it = taps_.find(key); it != taps_.end())
      return it->second;
    int delay = window_ - o;
    std::string expr =
        delay == 0 ? b : "$past(" + b + ", " + std::to_string(delay) + ")";
    return taps_[key] = temp(expr);
  }

  static std::string both(const std::string &a, const std::string &b) {
    if (a == kFalse || b == kFalse)
      return kFalse;
    if (a == kTrue)
      return b;
    if (b == kTrue)
      return a;
    return "(" + a + " && " + b + ")";
  }
  static std::string negate(const std::string &a) {
    if (a == kTrue)
      return kFalse;
    if (a == kFalse)
      return kTrue;
    return "!" + a;
  }
  std::string any(const std::vector<std::string> &terms) {
    std::vector<std::string> live;
    for (const auto &t : terms) {
      if (t == kTrue)
        return kTrue;
      if (t != kFalse && std::find(live.begin(), live.end(), t) == live.end())
        live.push_back(t);
    }
    if (live.empty())
      return kFalse;
    if (live.size() == 1)
      return temp(live[0]);
    std::string out;
    for (const auto &t : live)
      out += (out.empty() ? "" : " || ") + t;
    return temp("(" + out + ")");
  }

private:
  bool isTemp(const std::string &s) const {
    return s.rfind(prefix_ + "_t", 0) == 0 && s.find(' ') == std::string::npos;
  }
  std::string prefix_;
  int window_;
  bool overflow_ = false;
  std::vector<std::string> temps_;
  std::vector<std::string> statements_;
  std::map<std::pair<std::string, int>, std::string> taps_;
};

using Ends = std::map<int, std::string>;

class Unroller {
public:
  explicit Unroller(Builder &b) : b_(b) {}

  Ends ends(const Seq &s, int start) {
    auto key = std::make_pair(&s, start);
    if (auto it = memo_.find(key); it != memo_.end())
      return it->second;
    std::map<int, std::vector<std::string>> terms;
    using K = Seq::Kind;
    switch (s.kind) {
    case K::Bool:
      terms[start].push_back(b_.tap(*s.boolean, start));
      break;
    case K::Concat:
      for (const auto &[e1, c1] : ends(*s.kids[0], start))
        for (int k = s.lo; k <= s.hi; ++k) {
          if (k == 0 && e1 < start)
            continue; // `empty ##0 s` never matches
          for (const auto &[e2, c2] : ends(*s.kids[1], e1 + k)) {
            if (k == 0 && e2 < e1 + k)
              continue;
            terms[e2].push_back(Builder::both(c1, c2));
          }
        }
      break;
    case K::Repeat: {
      Ends cur = {{start - 1, kTrue}}; // zero repetitions: the empty match
      if (s.lo == 0)
        terms[start - 1].push_back(kTrue);
      for (int i = 1; i <= s.hi && !cur.empty(); ++i) {
        std::map<int, std::vector<std::string>> next;
        for (const auto &[e, c] : cur)
          for (const auto &[e2, c2] : ends(*s.kids[0], e + 1))
            next[e2].push_back(Builder::both(c, c2));
        cur.clear();
        for (const auto &[e, ts] : next)
          cur[e] = b_.any(ts);
        if (i >= s.lo)
          for (const auto &[e, c] : cur)
            terms[e].push_back(c);
      }
      break;
    }
    case K::Or:
      for (const auto &kid : s.kids)
        for (const auto &[e, c] : ends(*kid, start))
          terms[e].push_back(c);
      break;
    case K::And:
    case K::Intersect:
      for (const auto &[e1, c1] : ends(*s.kids[0], start))
        for (const auto &[e2, c2] : ends(*s.kids[1], start)) {
          if (s.kind == K::Intersect && e1 != e2)
            continue;
          terms[std::max(e1, e2)].push_back(Builder::both(c1, c2));
        }
      break;
    case K::Throughout:
      for (const auto &[e, c] : ends(*s.kids[0], start)) {
        std::string cond = c;
        for (int o = start; o <= e; ++o)
          cond = Builder::both(cond, b_.tap(*s.boolean, o));
        terms[e].push_back(b_.temp(cond));
      }
      break;
    }
    Ends out;
    for (const auto &[e, ts] : terms) {
      std::string c = b_.any(ts);
      if (c != kFalse)
        out[e] = c;
    }
    return memo_[key] = out;
  }

  std::string anyEnd(const Seq &s, int start) {
    std::vector<std::string> ts;
    for (const auto &[e, c] : ends(s, start))
      ts.push_back(c);
    return b_.any(ts);
  }

private:
  Builder &b_;
  std::map<std::pair<const Seq *, int>, Ends> memo_;
};

int seqHistory(const Seq &s) {
  int h = s.boolean ? pastDepth(*s.boolean) : 0;
  for (const auto &k : s.kids)
    h = std::max(h, seqHistory(*k));
  return h;
}

int bitsFor(int value) {
  int bits = 1;
  while ((1 << bits) <= value)
    ++bits;
  return bits;
}

} // namespace

Translation translateProperty(const PropertySpec &spec,
                              const MonitorContext &ctx) {
  Translation out;
  const Property &p = spec.property;
  std::string clock = spec.clock ? printExpr(*spec.clock) : ctx.clock;
  if (clock.empty()) {
    out.issue = {ParseIssue::Kind::Unsupported,
                 "unsupported: an assertion without a clock (write @(posedge "
                 "clk), a default clocking, or pass --clock)"};
    return out;
  }
  ExprPtr disable = spec.disable ? spec.disable : ctx.defaultDisable;
  const bool implication = p.kind == Property::Kind::Overlapping ||
                           p.kind == Property::Kind::NextCycle;
  const int delta = p.kind == Property::Kind::NextCycle ? 1 : 0;
  const int consMax = maxSpan(*p.consequent);
  const int window = implication
                         ? std::max(0, maxSpan(*p.antecedent)) + delta + consMax
                         : consMax;
  if (window > kMaxWindow) {
    out.issue = {ParseIssue::Kind::Unsupported,
                 "unsupported: a property spanning more than " +
                     std::to_string(kMaxWindow) + " cycles"};
    return out;
  }
  int history = seqHistory(*p.consequent);
  if (implication)
    history = std::max(history, seqHistory(*p.antecedent));
  if (disable)
    history = std::max(history, pastDepth(*disable));

  Builder b(ctx.name, window);
  Unroller u(b);
  std::map<std::pair<int, int>, std::string> noDisable;
  auto enabled = [&](int from, int to) -> std::string {
    if (!disable)
      return kTrue;
    auto key = std::make_pair(from, to);
    if (auto it = noDisable.find(key); it != noDisable.end())
      return it->second;
    std::string cond = kTrue;
    for (int o = from; o <= to; ++o)
      cond = Builder::both(cond, Builder::negate(b.tap(*disable, o)));
    return noDisable[key] = b.temp(cond);
  };

  std::string fail, cover;
  if (implication) {
    std::vector<std::string> failTerms, coverTerms;
    for (const auto &[e, c] : u.ends(*p.antecedent, 0)) {
      if (e < 0)
        continue; // an empty antecedent match creates no obligation
      const int start = e + delta;
      std::string live = Builder::both(c, enabled(0, start + consMax));
      std::string consequentOk = u.anyEnd(*p.consequent, start);
      failTerms.push_back(
          b.temp(Builder::both(live, Builder::negate(consequentOk))));
      coverTerms.push_back(live);
    }
    fail = b.any(failTerms);
    cover = b.any(coverTerms);
  } else {
    std::string matched = u.anyEnd(*p.consequent, 0);
    std::string live = enabled(0, window);
    fail = b.temp(Builder::both(live, p.kind == Property::Kind::Not
                                          ? matched
                                          : Builder::negate(matched)));
  }
  if (b.overflow()) {
    out.issue = {ParseIssue::Kind::Unsupported,
                 "unsupported: a property too large to unroll into a monitor"};
    return out;
  }

  Monitor m;
  m.window = window;
  m.history = history;
  m.firstCheck =
      ctx.firstCheckedCycle + std::max(history, ctx.minHistory) + window;
  m.assertLabel = ctx.name;
  m.coverLabel = implication && !ctx.assume ? ctx.name + "_v" : "";
  const std::string cyc = ctx.name + "_cyc";
  const int g = m.firstCheck;
  std::string code;
  code += "reg [" + std::to_string(bitsFor(g) - 1) + ":0] " + cyc + " = 0; ";
  // Registered failure flags: the model's outputs, one per check (see
  // proof_files.cpp).
  if (!ctx.assume) {
    code += "(* keep *) reg " + m.assertLabel + "_fail = 0; ";
    if (!m.coverLabel.empty())
      code += "(* keep *) reg " + m.coverLabel + "_fail = 0; ";
  }
  if (!b.temps().empty()) {
    code += "reg ";
    for (std::size_t i = 0; i < b.temps().size(); ++i)
      code += (i ? ", " : "") + b.temps()[i];
    code += "; ";
  }
  code += "always @(posedge " + clock + ") begin ";
  code += "if (" + cyc + " != " + std::to_string(g) + ") " + cyc +
          " <= " + cyc + " + 1'b1; ";
  for (const auto &s : b.statements())
    code += s + " ";
  const std::string now = "(" + cyc + " == " + std::to_string(g) + ")";
  if (!ctx.assume) {
    code += m.assertLabel + "_fail <= " + now + " && " + fail + "; ";
    if (!m.coverLabel.empty())
      code += m.coverLabel + "_fail <= " + now + " && " + cover + "; ";
  }
  code += "if (" + cyc + " == " + std::to_string(g) + ") begin ";
  code += m.assertLabel + ": " + (ctx.assume ? "assume" : "assert") + " (!" +
          fail + "); ";
  if (!m.coverLabel.empty())
    code += m.coverLabel + ": assert (!" + cover + "); ";
  code += "end end";
  m.code = std::move(code);
  out.monitor = std::move(m);
  return out;
}

} // namespace rtlarena::formal
