// Parser of one property body (what stands inside `assert property ( ... )`,
// after named properties and sequences were expanded) into the AST of
// sva_ast.h. What the subset does not cover is reported as unsupported with the
// construct named; what is not SystemVerilog at all is a syntax error. Never a
// guess.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rtlarena/formal/sv_lexer.h"
#include "rtlarena/formal/sva_ast.h"

namespace rtlarena::formal {

/// Why a property could not be parsed.
struct ParseIssue {
  enum class Kind { None, Syntax, Unsupported };
  Kind kind = Kind::None;
  std::string message; ///< "syntax error near ')' (line 4)", "unsupported:
                       ///< s_eventually (line 4)"
  explicit operator bool() const { return kind != Kind::None; }
};

/// Constants a delay or repetition bound may name (the scope's parameters with
/// literal values).
using ConstantTable = std::map<std::string, long>;

struct SpecParse {
  std::optional<PropertySpec> spec;
  ParseIssue issue;
};

/// Parses `[@(posedge clk)] [disable iff (expr)] property` from a token range.
SpecParse parsePropertySpec(const std::vector<Token> &tokens,
                            const ConstantTable &constants = {});

/// Parses one boolean expression filling the whole range (`disable iff` bodies,
/// tests).
struct ExprParse {
  ExprPtr expr;
  ParseIssue issue;
};
ExprParse parseBooleanExpr(const std::vector<Token> &tokens,
                           const ConstantTable &constants = {});

} // namespace rtlarena::formal
