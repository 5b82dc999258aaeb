// Tokens of SystemVerilog property files and designs, for the assertion front
// end: identifiers, system names, numbers, strings, operators (SVA's `|->`,
// `##`, `[*` as one token each) and compiler directives, each with its line and
// byte range so items can be cut out of the text.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace rtlarena::formal {

enum class TokenKind {
  Ident,     ///< `a`, `\escaped `, also keywords
  System,    ///< `$past`, `$error`
  Number,    ///< `12`, `4'b10x1`, `'0`
  String,    ///< `"text"` (quotes included)
  Op,        ///< punctuation and operators, longest match
  Directive, ///< `` `timescale `` (the name only; the rest of its line is
             ///< skipped)
};

struct Token {
  TokenKind kind = TokenKind::Op;
  std::string text;
  int line = 0;          ///< 1-based
  std::size_t begin = 0; ///< byte offset of the first character
  std::size_t end = 0;   ///< byte offset after the last character
  bool is(const char *s) const { return text == s; }
};

struct LexResult {
  std::vector<Token> tokens;
  std::string error; ///< first lexical error ("line 3: unterminated string"),
                     ///< empty if none
  int errorLine = 0;
};

/// Splits `source` into tokens, skipping whitespace, comments and attributes
/// `(* ... *)`. Directives other than `` `timescale `` / `` `default_nettype ``
/// keep their name as a token.
LexResult lexSystemVerilog(const std::string &source);

/// The tokens joined with single spaces, as they would be re-read.
std::string joinTokens(const std::vector<Token> &tokens, std::size_t from = 0,
                       std::size_t to = std::string::npos);

} // namespace rtlarena::formal
