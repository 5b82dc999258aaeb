// The SystemVerilog lexer of the assertion front end (see sv_lexer.h).
// Operators are matched longest first so that `|->` never reads as `|` `-` `>`
// and `[*` is one repetition token.
#include "rtlarena/formal/sv_lexer.h"

#include <array>
#include <cctype>
#include <string_view>

namespace rtlarena::formal {
namespace {

bool identStart(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool identChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
}
bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// Longest first within each leading character is what matters; the list is
// tried in order.
constexpr std::array<std::string_view, 52> kOps = {
    "<<<=", ">>>=", "|->", "|=>", "[->", "[+]", "===", "!==", "==?",
    "!=?",  "<<<",  ">>>", "<->", "#-#", "#=#", "##",  "[*",  "[=",
    "==",   "!=",   "<=",  ">=",  "&&",  "||",  "<<",  ">>",  "**",
    "~&",   "~|",   "~^",  "^~",  "->",  "+:",  "-:",  "::",  ".*",
    "++",   "--",   "+=",  "-=",  "(",   ")",   "[",   "]",   "{",
    "}",    ",",    ";",   ":",   "@",   "#",   "?"};

std::size_t matchOp(const std::string &s, std::size_t i) {
  for (auto op : kOps)
    if (s.compare(i, op.size(), op) == 0)
      return op.size();
  return 1; // any other single character
}

// After a size (`4`) or on its own: `'b1010`, `'sh3F`, `'0`, `'x`.
std::size_t basedLiteralEnd(const std::string &s, std::size_t i) {
  std::size_t j = i + 1; // past the quote
  if (j < s.size() && (s[j] == 's' || s[j] == 'S'))
    ++j;
  if (j < s.size() &&
      std::string_view("bBoOdDhH").find(s[j]) != std::string_view::npos) {
    ++j;
    while (j < s.size() && (s[j] == ' ' || s[j] == '\t'))
      ++j;
    while (j < s.size() &&
           (std::isxdigit(static_cast<unsigned char>(s[j])) || s[j] == '_' ||
            std::string_view("xXzZ?").find(s[j]) != std::string_view::npos))
      ++j;
    return j;
  }
  if (i + 1 < s.size() &&
      std::string_view("01xXzZ").find(s[i + 1]) != std::string_view::npos)
    return i + 2;
  return i; // a lone quote (a cast): not a literal
}

} // namespace

LexResult lexSystemVerilog(const std::string &s) {
  LexResult r;
  int line = 1;
  auto fail = [&](const std::string &msg) {
    if (r.error.empty()) {
      r.error = "line " + std::to_string(line) + ": " + msg;
      r.errorLine = line;
    }
  };
  std::size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '\n') {
      ++line;
      ++i;
      continue;
    }
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    if (s.compare(i, 2, "//") == 0) {
      while (i < s.size() && s[i] != '\n')
        ++i;
      continue;
    }
    if (s.compare(i, 2, "/*") == 0 ||
        (s.compare(i, 2, "(*") == 0 && s.compare(i, 3, "(*)") != 0)) {
      const char *close = s[i] == '/' ? "*/" : "*)";
      std::size_t e = s.find(close, i + 2);
      if (e == std::string::npos) {
        fail(s[i] == '/' ? "unterminated comment" : "unterminated attribute");
        break;
      }
      for (std::size_t k = i; k < e; ++k)
        line += s[k] == '\n';
      i = e + 2;
      continue;
    }
    Token t;
    t.line = line;
    t.begin = i;
    if (c == '"') {
      std::size_t j = i + 1;
      while (j < s.size() && s[j] != '"' && s[j] != '\n')
        j += s[j] == '\\' ? 2 : 1;
      if (j >= s.size() || s[j] != '"') {
        fail("unterminated string");
        j = std::min(j, s.size());
      } else {
        ++j;
      }
      t.kind = TokenKind::String;
      t.end = j;
    } else if (c == '`') {
      std::size_t j = i + 1;
      while (j < s.size() && identChar(s[j]))
        ++j;
      t.kind = TokenKind::Directive;
      t.end = j;
      std::string name = s.substr(i, j - i);
      if (name == "`timescale" || name == "`default_nettype" ||
          name == "`resetall") {
        while (j < s.size() && s[j] != '\n')
          ++j; // its arguments are not ours to read
        i = j;
        continue;
      }
    } else if (identStart(c) || c == '$') {
      std::size_t j = i + 1;
      while (j < s.size() && identChar(s[j]))
        ++j;
      t.kind = c == '$' ? TokenKind::System : TokenKind::Ident;
      t.end = j;
    } else if (c == '\\') {
      std::size_t j = i + 1;
      while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j])))
        ++j;
      t.kind = TokenKind::Ident;
      t.end = j;
    } else if (digit(c)) {
      std::size_t j = i;
      while (j < s.size() && (digit(s[j]) || s[j] == '_'))
        ++j;
      std::size_t k = j;
      while (k < s.size() && (s[k] == ' ' || s[k] == '\t'))
        ++k;
      if (k < s.size() && s[k] == '\'') {
        std::size_t e = basedLiteralEnd(s, k);
        if (e > k)
          j = e;
      } else if (j < s.size() && s[j] == '.' && j + 1 < s.size() &&
                 digit(s[j + 1])) {
        ++j;
        while (j < s.size() && (digit(s[j]) || s[j] == '_'))
          ++j;
      }
      t.kind = TokenKind::Number;
      t.end = j;
    } else if (c == '\'' && basedLiteralEnd(s, i) > i) {
      t.kind = TokenKind::Number;
      t.end = basedLiteralEnd(s, i);
    } else {
      t.kind = TokenKind::Op;
      t.end = i + matchOp(s, i);
    }
    t.text = s.substr(t.begin, t.end - t.begin);
    i = t.end;
    r.tokens.push_back(std::move(t));
  }
  return r;
}

std::string joinTokens(const std::vector<Token> &tokens, std::size_t from,
                       std::size_t to) {
  std::string out;
  to = std::min(to, tokens.size());
  for (std::size_t i = from; i < to; ++i) {
    if (!out.empty())
      out += ' ';
    out += tokens[i].text;
  }
  return out;
}

} // namespace rtlarena::formal
