// Pruning a candidate to the design units its top module reaches (see module_prune.h).
//
// In: candidate text and the top module's name. Out: the text without unreachable units, or the
// text unchanged whenever its top-level structure is not plainly a sequence of design units and
// directives. Reachability over-approximates on purpose: any identifier that names a unit keeps
// it, so keeping too much is the only possible mistake. Dropping never splits a unit, and the
// kept text is what the policy check and the compiler both see.
#include "rtlarena/eval/module_prune.h"

#include <map>
#include <optional>
#include <set>

#include "rtlarena/eval/verilog_tokens.h"

namespace rtlarena {
namespace {

using Tokens = std::vector<VerilogToken>;

struct Unit {
  std::string name;
  std::string closer;                 ///< its end keyword
  std::size_t begin = 0, end = 0;     ///< byte span in the text
  std::set<std::string> refs;         ///< every identifier inside it
  bool setsDirectiveState = false;    ///< defines a macro or sets a directive's state
};

struct Structure {
  std::vector<Unit> units;
  std::set<std::string> outsideRefs;  ///< identifiers in the text between units
};

// Directives whose effect outlives the unit they are written in: dropping a unit that holds one
// could change how the kept text is read, so such a unit is never dropped.
const std::set<std::string>& stateDirectives() {
  static const std::set<std::string> d = {
      "`define", "`undef", "`undefineall", "`resetall", "`timescale", "`default_nettype",
      "`celldefine", "`endcelldefine", "`unconnected_drive", "`nounconnected_drive", "`pragma",
      "`line", "`begin_keywords", "`end_keywords", "`default_decay_time",
      "`default_trireg_strength", "`delay_mode_distributed", "`delay_mode_path",
      "`delay_mode_unit", "`delay_mode_zero"};
  return d;
}

bool isConditional(const std::string& d) {
  return d == "`ifdef" || d == "`ifndef" || d == "`elsif" || d == "`else" || d == "`endif";
}

const std::set<std::string>& closers() {
  static const std::set<std::string> c = {"endmodule", "endprimitive", "endinterface", "endpackage",
                                          "endprogram", "endclass", "endchecker"};
  return c;
}

bool punct(const Tokens& t, std::size_t i, char c) {
  return i < t.size() && t[i].kind == VerilogTokenKind::Punct && t[i].text[0] == c;
}
bool word(const Tokens& t, std::size_t i, std::string_view w) { return i < t.size() && t[i].is(w); }

// The end keyword of the unit (or nested unit) that token i opens; empty when it opens none.
std::string closerOpenedAt(const Tokens& t, std::size_t i) {
  const std::string& w = t[i].text;
  if (t[i].kind != VerilogTokenKind::Identifier) return {};
  if (w == "module" || w == "macromodule") return "endmodule";
  if (w == "primitive" || w == "package" || w == "program" || w == "checker") return "end" + w;
  if (w == "class") return i > 0 && word(t, i - 1, "typedef") ? "" : "endclass";  // forward decl.
  if (w == "interface") {
    // Not a declaration: `virtual interface` types, generic interface ports, `interface class`.
    if (i > 0 && (word(t, i - 1, "virtual") || punct(t, i - 1, '(') || punct(t, i - 1, ',')))
      return {};
    if (word(t, i + 1, "class") || punct(t, i + 1, '.')) return {};
    return "endinterface";
  }
  return {};
}

// Scans the unit opened at token `open`; nullopt when it does not close plainly.
std::optional<Unit> scanUnit(const Tokens& t, std::size_t open, std::size_t& next) {
  Unit u;
  u.closer = closerOpenedAt(t, open);
  u.begin = t[open].begin;
  // `virtual class` and `interface class` start at the qualifier.
  if (u.closer == "endclass" && open > 0 && !t[open - 1].inMacroText &&
      (word(t, open - 1, "virtual") || word(t, open - 1, "interface")))
    u.begin = t[open - 1].begin;
  std::size_t nameAt = open + 1;
  if (word(t, nameAt, "automatic") || word(t, nameAt, "static")) ++nameAt;
  if (nameAt >= t.size() || !t[nameAt].isIdentifier()) return std::nullopt;
  u.name = t[nameAt].name();

  int depth = 0, conditionals = 0;
  for (std::size_t j = open; j < t.size(); ++j) {
    const VerilogToken& tok = t[j];
    if (tok.isIdentifier()) u.refs.insert(tok.name());
    if (tok.inMacroText) continue;
    if (tok.kind == VerilogTokenKind::Directive) {
      if (tok.text == "`ifdef" || tok.text == "`ifndef") ++conditionals;
      else if (tok.text == "`endif" && --conditionals < 0) return std::nullopt;
      else if ((tok.text == "`elsif" || tok.text == "`else") && conditionals == 0) return std::nullopt;
      else if (stateDirectives().count(tok.text)) u.setsDirectiveState = true;
      continue;
    }
    if (tok.kind != VerilogTokenKind::Identifier) continue;
    if (closerOpenedAt(t, j) == u.closer) {
      if (j > 0 && word(t, j - 1, "extern")) return std::nullopt;  // a prototype has no end
      ++depth;
    } else if (tok.text == u.closer && --depth == 0) {
      if (conditionals != 0) return std::nullopt;
      std::size_t last = j;
      if (punct(t, j + 1, ':') && j + 2 < t.size() && t[j + 2].isIdentifier()) last = j + 2;  // `: label`
      u.end = t[last].end;
      next = last + 1;
      return u;
    }
  }
  return std::nullopt;
}

std::optional<Structure> scanStructure(const std::string& code) {
  VerilogLex lex = lexVerilog(code);
  if (lex.unterminated) return std::nullopt;
  const Tokens& t = lex.tokens;
  Structure s;
  for (std::size_t i = 0; i < t.size();) {
    const VerilogToken& tok = t[i];
    if (tok.isIdentifier()) s.outsideRefs.insert(tok.name());
    if (tok.inMacroText) { ++i; continue; }
    if (tok.kind == VerilogTokenKind::Directive) {
      // A conditional outside a unit may enclose a unit boundary; a macro there may expand to one.
      if (isConditional(tok.text)) return std::nullopt;
      if (!stateDirectives().count(tok.text) && tok.text != "`include") return std::nullopt;
      ++i;
      continue;
    }
    if (punct(t, i, '(') && code.compare(tok.end, 1, "*") == 0) return std::nullopt;  // attribute
    if (tok.kind == VerilogTokenKind::Identifier) {
      if (tok.text == "extern" || closers().count(tok.text)) return std::nullopt;
      if (!closerOpenedAt(t, i).empty()) {
        std::size_t next = i;
        auto unit = scanUnit(t, i, next);
        if (!unit) return std::nullopt;
        s.units.push_back(std::move(*unit));
        i = next;
        continue;
      }
    }
    ++i;
  }
  return s;
}

// Removes [begin, end); a line left holding only white space goes with it, and a space keeps
// the neighbours apart so no token (or `//`) forms across the gap.
void eraseSpan(std::string& text, std::size_t begin, std::size_t end) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  std::size_t a = begin, b = end;
  while (a > 0 && blank(text[a - 1])) --a;
  while (b < text.size() && blank(text[b])) ++b;
  if ((a == 0 || text[a - 1] == '\n') && (b == text.size() || text[b] == '\n')) {
    text.erase(a, b < text.size() ? b + 1 - a : b - a);
    return;
  }
  const bool spaced = begin == 0 || end == text.size() || blank(text[begin - 1]) ||
                      text[begin - 1] == '\n' || blank(text[end]) || text[end] == '\n';
  text.erase(begin, end - begin);
  if (!spaced) text.insert(begin, 1, ' ');
}

std::vector<std::string> unitNames(const Structure& s) {
  std::vector<std::string> names;
  for (const auto& u : s.units) names.push_back(u.name);
  return names;
}

}  // namespace

PruneResult pruneToTop(const std::string& code, const std::string& top) {
  const PruneResult unchanged{code, {}};
  auto structure = scanStructure(code);
  if (!structure) return unchanged;
  const std::vector<Unit>& units = structure->units;
  std::map<std::string, std::size_t> byName;
  for (std::size_t i = 0; i < units.size(); ++i)
    if (!byName.emplace(units[i].name, i).second) return unchanged;  // defined twice
  auto topIt = byName.find(top);
  if (topIt == byName.end() || units[topIt->second].closer != "endmodule") return unchanged;

  std::vector<bool> kept(units.size(), false);
  std::vector<std::size_t> work;
  auto keep = [&](const std::string& name) {
    auto it = byName.find(name);
    if (it == byName.end() || kept[it->second]) return;
    kept[it->second] = true;
    work.push_back(it->second);
  };
  keep(top);
  for (const auto& name : structure->outsideRefs) keep(name);
  while (!work.empty()) {
    std::size_t u = work.back();
    work.pop_back();
    for (const auto& name : units[u].refs) keep(name);
  }

  PruneResult out{code, {}};
  std::vector<std::string> keptNames;
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (kept[i]) { keptNames.push_back(units[i].name); continue; }
    if (units[i].setsDirectiveState) return unchanged;
    out.dropped.push_back(units[i].name);
  }
  if (out.dropped.empty()) return unchanged;
  for (std::size_t i = units.size(); i-- > 0;)  // back to front: earlier offsets stay valid
    if (!kept[i]) eraseSpan(out.code, units[i].begin, units[i].end);

  // The kept text must read as exactly the kept units; anything else means the cut moved a
  // boundary, and the answer is judged as written.
  auto check = scanStructure(out.code);
  if (!check || unitNames(*check) != keptNames) return unchanged;
  return out;
}

}  // namespace rtlarena
