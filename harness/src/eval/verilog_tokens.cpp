// The one-pass Verilog lexer (see verilog_tokens.h).
#include "rtlarena/eval/verilog_tokens.h"

#include <cctype>

namespace rtlarena {
namespace {

bool identStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool identChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }
bool space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

}  // namespace

std::string VerilogToken::name() const {
  if (kind == VerilogTokenKind::EscapedIdentifier) return text.substr(1);
  return text;
}

VerilogLex lexVerilog(std::string_view s) {
  VerilogLex lex;
  const std::size_t n = s.size();
  int line = 1;
  bool inDefine = false;  // inside a `define's logical line (ended by a newline without `\`)
  auto push = [&](VerilogTokenKind kind, std::size_t b, std::size_t e, int atLine) {
    lex.tokens.push_back({kind, std::string(s.substr(b, e - b)), b, e, atLine, inDefine});
  };
  for (std::size_t i = 0; i < n;) {
    const char c = s[i];
    if (c == '\n') {
      if (inDefine && !(i > 0 && s[i - 1] == '\\') && !(i > 1 && s[i - 1] == '\r' && s[i - 2] == '\\'))
        inDefine = false;
      ++line;
      ++i;
    } else if (space(c)) {
      ++i;
    } else if (c == '/' && i + 1 < n && s[i + 1] == '/') {
      while (i < n && s[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < n && s[i + 1] == '*') {
      std::size_t close = s.find("*/", i + 2);
      std::size_t stop = close == std::string_view::npos ? n : close + 2;
      if (close == std::string_view::npos) lex.unterminated = true;
      for (; i < stop; ++i) line += s[i] == '\n';
    } else if (c == '"') {
      const std::size_t b = i++;
      const int at = line;
      while (i < n && s[i] != '"' && s[i] != '\n') {
        if (s[i] == '\\' && i + 1 < n) line += s[++i] == '\n';
        ++i;
      }
      if (i >= n || s[i] != '"') lex.unterminated = true;
      else ++i;
      push(VerilogTokenKind::String, b, i, at);
    } else if (c == '\\') {
      const std::size_t b = i;
      while (i < n && !space(s[i])) ++i;
      push(VerilogTokenKind::EscapedIdentifier, b, i, line);
    } else if (c == '`' || c == '$' || identStart(c)) {
      const std::size_t b = i++;
      while (i < n && identChar(s[i])) ++i;
      VerilogTokenKind kind = c == '`' ? VerilogTokenKind::Directive
                              : c == '$' ? VerilogTokenKind::SystemName
                                         : VerilogTokenKind::Identifier;
      push(kind, b, i, line);
      if (kind == VerilogTokenKind::Directive && s.substr(b, i - b) == "`define") inDefine = true;
    } else if (std::isdigit(static_cast<unsigned char>(c)) || c == '\'') {
      const std::size_t b = i++;
      while (i < n && (identChar(s[i]) || s[i] == '\'' || s[i] == '.')) ++i;
      push(VerilogTokenKind::Number, b, i, line);
    } else {
      push(VerilogTokenKind::Punct, i, i + 1, line);
      ++i;
    }
  }
  return lex;
}

}  // namespace rtlarena
