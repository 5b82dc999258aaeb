// A one-pass lexer of Verilog/SystemVerilog source for structural scans. Comments, strings and
// escaped identifiers are recognised in the same pass, as a compiler does, so an escaped
// identifier such as `\a//b` or a `/*` inside a string cannot shift what counts as code.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rtlarena {

enum class VerilogTokenKind {
  Identifier,         ///< a simple identifier or keyword
  EscapedIdentifier,  ///< `\name` up to white space
  Directive,          ///< a compiler directive or macro use: "`define", "`WIDTH"
  SystemName,         ///< "$display"
  Number,
  String,
  Punct,              ///< one character
};

struct VerilogToken {
  VerilogTokenKind kind = VerilogTokenKind::Punct;
  std::string text;         ///< the source spelling
  std::size_t begin = 0;    ///< byte offsets into the source, [begin, end)
  std::size_t end = 0;
  int line = 0;             ///< 1-based
  bool inMacroText = false; ///< part of a `define's replacement text (its logical line)

  /// For identifiers: the name it denotes (`\foo ` and `foo` are the same identifier).
  std::string name() const;
  bool isIdentifier() const {
    return kind == VerilogTokenKind::Identifier || kind == VerilogTokenKind::EscapedIdentifier;
  }
  /// A simple identifier spelled `word` (an escaped `\module` is never the keyword).
  bool is(std::string_view word) const { return kind == VerilogTokenKind::Identifier && text == word; }
};

struct VerilogLex {
  std::vector<VerilogToken> tokens;
  bool unterminated = false;  ///< a block comment or string ran to the end of the text
};

/// Splits `source` into tokens; comments and white space are dropped.
VerilogLex lexVerilog(std::string_view source);

}  // namespace rtlarena
