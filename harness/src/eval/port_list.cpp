// Reading a module's ports with their widths for the differential judge (see differential.h).
// A light reading of the header, not an elaboration: widths are literal ranges or small
// constant expressions of the module's parameters; anything else is refused by name, so the
// judge never guesses a width.
#include <cctype>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

#include "rtlarena/eval/differential.h"
#include "rtlarena/tasks/verilog_scan.h"

namespace rtlarena {

namespace {

// The scanner's tokens with what the scanner leaves out: a number's own text.
enum class TokenKind { Ident, System, Number, Op };
struct Token {
  TokenKind kind = TokenKind::Op;
  std::string text;
};

std::vector<Token> tokensOf(const std::string& source) {
  std::vector<Token> out;
  for (const auto& v : verilogTokens(source)) {
    Token t;
    t.text = v.text;
    const unsigned char c = v.text.empty() ? ' ' : static_cast<unsigned char>(v.text[0]);
    if (std::isalpha(c) || c == '_' || c == '\\') {
      t.kind = TokenKind::Ident;
    } else if (c == '$') {
      t.kind = TokenKind::System;
    } else if (v.text == "0" && v.pos < source.size() &&
               (std::isdigit(static_cast<unsigned char>(source[v.pos])) || source[v.pos] == '\'')) {
      t.kind = TokenKind::Number;
      std::size_t e = v.pos;
      while (e < source.size() && (std::isalnum(static_cast<unsigned char>(source[e])) || source[e] == '_' ||
                                   source[e] == '\'' || source[e] == '?'))
        ++e;
      t.text = source.substr(v.pos, e - v.pos);
    }
    out.push_back(std::move(t));
  }
  return out;
}

std::optional<long long> numberValue(std::string text) {
  std::string digits;
  for (char c : text)
    if (c != '_') digits += c;
  const auto quote = digits.find('\'');
  int base = 10;
  if (quote != std::string::npos) {
    std::size_t at = quote + 1;
    if (at < digits.size() && (digits[at] == 's' || digits[at] == 'S')) ++at;
    if (at >= digits.size()) return std::nullopt;
    switch (std::tolower(static_cast<unsigned char>(digits[at]))) {
      case 'd': base = 10; break;
      case 'h': base = 16; break;
      case 'b': base = 2; break;
      case 'o': base = 8; break;
      default: return std::nullopt;
    }
    digits = digits.substr(at + 1);
  }
  if (digits.empty()) return std::nullopt;
  char* end = nullptr;
  const long long v = std::strtoll(digits.c_str(), &end, base);
  if (*end != '\0') return std::nullopt;  // x, z, ?
  return v;
}

// A constant expression over tokens [pos, end): precedence climbing.
class ConstExpr {
 public:
  ConstExpr(const std::vector<Token>& t, std::size_t begin, std::size_t end,
            const std::map<std::string, std::pair<std::size_t, std::size_t>>& params, const std::vector<Token>& paramToks,
            int depth)
      : t_(t), pos_(begin), end_(end), params_(params), paramToks_(paramToks), depth_(depth) {}

  std::optional<long long> value() {
    auto v = shift();
    if (!v || pos_ != end_) return std::nullopt;
    return v;
  }

 private:
  // The scanner gives one character per operator token: `<<` and `**` are two.
  bool at(const char* op) const {
    const std::string o = op;
    if (o.size() == 1) return pos_ < end_ && t_[pos_].text == o && !(o == "*" && pos_ + 1 < end_ && t_[pos_ + 1].text == "*");
    return pos_ + 1 < end_ && t_[pos_].text == o.substr(0, 1) && t_[pos_ + 1].text == o.substr(1, 1);
  }
  std::optional<long long> shift() {
    auto l = additive();
    while (l && (at("<<") || at(">>"))) {
      const bool left = at("<<");
      pos_ += 2;
      auto r = additive();
      if (!r || *r < 0 || *r > 62) return std::nullopt;
      l = left ? (*l << *r) : (*l >> *r);
    }
    return l;
  }
  std::optional<long long> additive() {
    auto l = multiplicative();
    while (l && (at("+") || at("-"))) {
      const bool plus = at("+");
      ++pos_;
      auto r = multiplicative();
      if (!r) return std::nullopt;
      l = plus ? *l + *r : *l - *r;
    }
    return l;
  }
  std::optional<long long> multiplicative() {
    auto l = power();
    while (l && (at("*") || at("/") || at("%"))) {
      const std::string op = t_[pos_++].text;  // one character
      auto r = power();
      if (!r || (op != "*" && *r == 0)) return std::nullopt;
      l = op == "*" ? *l * *r : op == "/" ? *l / *r : *l % *r;
    }
    return l;
  }
  std::optional<long long> power() {
    auto l = unary();
    if (l && at("**")) {
      pos_ += 2;
      auto r = unary();
      if (!r || *r < 0 || *r > 62) return std::nullopt;
      long long v = 1;
      for (long long i = 0; i < *r; ++i) v *= *l;
      return v;
    }
    return l;
  }
  std::optional<long long> unary() {
    if (at("-")) {
      ++pos_;
      auto v = unary();
      return v ? std::optional<long long>(-*v) : std::nullopt;
    }
    if (at("+")) ++pos_;
    return primary();
  }
  std::optional<long long> primary() {
    if (pos_ >= end_) return std::nullopt;
    const Token& tok = t_[pos_];
    if (tok.text == "(") {
      ++pos_;
      auto v = shift();
      if (!v || !at(")")) return std::nullopt;
      ++pos_;
      return v;
    }
    if (tok.kind == TokenKind::Number) {
      ++pos_;
      return numberValue(tok.text);
    }
    if (tok.kind == TokenKind::System && tok.text == "$clog2") {
      ++pos_;
      auto v = primary();
      if (!v || *v < 0) return std::nullopt;
      long long bits = 0;
      while ((1LL << bits) < *v) ++bits;
      return bits;
    }
    if (tok.kind == TokenKind::Ident) {
      ++pos_;
      auto p = params_.find(tok.text);
      if (p == params_.end() || depth_ > 8) return std::nullopt;
      return ConstExpr(paramToks_, p->second.first, p->second.second, params_, paramToks_, depth_ + 1).value();
    }
    return std::nullopt;
  }

  const std::vector<Token>& t_;
  std::size_t pos_, end_;
  const std::map<std::string, std::pair<std::size_t, std::size_t>>& params_;
  const std::vector<Token>& paramToks_;
  int depth_;
};

// `parameter|localparam [type] [range] NAME = expr` anywhere in the tokens: name -> expr range.
// The first definition of a name wins (a header's default before a body's redefinition).
std::map<std::string, std::pair<std::size_t, std::size_t>> parameters(const std::vector<Token>& t) {
  std::map<std::string, std::pair<std::size_t, std::size_t>> out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i].text != "parameter" && t[i].text != "localparam") continue;
    for (std::size_t j = i + 1; j + 1 < t.size(); ++j) {
      if (t[j].text == ";" || t[j].text == ")") break;
      if (t[j].kind != TokenKind::Ident || t[j + 1].text != "=") continue;
      std::size_t k = j + 2;
      int depth = 0;
      while (k < t.size()) {
        const std::string& s = t[k].text;
        if (s == "(" || s == "[" || s == "{") ++depth;
        if ((s == ")" || s == "]" || s == "}") && depth-- == 0) break;
        if (depth == 0 && (s == "," || s == ";")) break;
        ++k;
      }
      out.emplace(t[j].text, std::make_pair(j + 2, k));
      j = k;
      if (k < t.size() && t[k].text != ",") break;
    }
  }
  return out;
}

const std::set<std::string> kTypeWords = {"wire", "reg", "logic", "bit", "var", "signed", "unsigned", "tri"};

}  // namespace

Result<std::vector<PortDecl>> modulePorts(const std::string& source, const std::string& module) {
  const std::string header = moduleHeader(source, module);
  if (header.empty()) return makeError(ErrorCode::BadTask, "no module '" + module + "' in the reference");
  const auto all = tokensOf(source);
  const auto params = parameters(all);
  const auto t = tokensOf(header);
  auto fail = [&](const std::string& port, const std::string& why) -> Error {
    return makeError(ErrorCode::BadTask, "module '" + module + "', port '" + port + "': " + why);
  };

  std::vector<PortDecl> ports;
  std::map<std::string, std::size_t> index;
  std::string direction;
  int width = 1;
  int parens = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const Token& tok = t[i];
    if (tok.text == "(") ++parens;
    if (tok.text == ")") --parens;
    if (tok.text == ";" || (tok.text == ")" && parens == 0)) {
      direction.clear();
      continue;
    }
    if (tok.kind == TokenKind::Ident && (tok.text == "input" || tok.text == "output" || tok.text == "inout")) {
      direction = tok.text;
      width = 1;
      continue;
    }
    if (direction.empty()) continue;
    if (tok.text == "[") {
      // One packed dimension [msb:lsb]; several multiply.
      std::size_t colon = 0, close = i + 1;
      int depth = 0;
      for (; close < t.size(); ++close) {
        if (t[close].text == "[" || t[close].text == "(") ++depth;
        if (t[close].text == ")") --depth;
        if (t[close].text == "]" && depth-- == 0) break;
        if (t[close].text == ":" && depth == 0 && !colon) colon = close;
      }
      std::string name = "?";
      for (std::size_t k = close; k < t.size(); ++k)
        if (t[k].kind == TokenKind::Ident && !kTypeWords.count(t[k].text)) {
          name = t[k].text;
          break;
        }
      if (close >= t.size() || !colon) return fail(name, "a range rtlarena cannot read");
      auto msb = ConstExpr(t, i + 1, colon, params, all, 0).value();
      auto lsb = ConstExpr(t, colon + 1, close, params, all, 0).value();
      if (!msb || !lsb) return fail(name, "a width that is not a constant of the header's parameters");
      const long long w = std::llabs(*msb - *lsb) + 1;
      const bool continuing = i > 0 && t[i - 1].text == "]";
      width = static_cast<int>(continuing ? width * w : w);
      if (width > 4096) return fail(name, "wider than 4096 bits");
      i = close;
      continue;
    }
    if (tok.kind != TokenKind::Ident) continue;
    if (kTypeWords.count(tok.text)) continue;
    if (tok.text == "integer" || tok.text == "int") {
      width = 32;
      continue;
    }
    const std::string next = i + 1 < t.size() ? t[i + 1].text : "";
    if (next != "," && next != ")" && next != ";" && next != "=") {
      if (next == "[") return fail(tok.text, "an unpacked array port");
      return fail(tok.text, "a port of a type rtlarena cannot size ('" + tok.text + "')");
    }
    if (direction == "inout") return fail(tok.text, "an inout (the judge drives inputs and compares outputs)");
    if (tok.text[0] == '\\') return fail(tok.text, "an escaped name");
    PortDecl p{tok.text, direction == "input", width};
    if (auto it = index.find(p.name); it != index.end())
      ports[it->second] = p;  // a non-ANSI `output q; reg [3:0] q;` keeps the last sized form
    else {
      index[p.name] = ports.size();
      ports.push_back(p);
    }
  }
  if (ports.empty()) return makeError(ErrorCode::BadTask, "module '" + module + "' has no ports the judge can read");
  return ports;
}

}  // namespace rtlarena
