// The small AST of the supported SVA subset: boolean expressions (kept close to
// their source so Yosys reads them back), sequences with bounded delays and
// repetitions, and the property forms `seq`, `not seq`, `seq |-> seq`, `seq |=>
// seq`, with the clock and `disable iff` of the assertion. Printing a boolean
// gives Verilog that Yosys's immediate assertions accept.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace rtlarena::formal {

/// A boolean (or bit-vector) expression.
struct Expr {
  enum class Kind {
    Ident,   ///< `a`; text is the name
    Number,  ///< text is the literal
    Unary,   ///< text is the operator, kids[0] the operand
    Binary,  ///< text is the operator, kids[0] op kids[1]
    Ternary, ///< kids[0] ? kids[1] : kids[2]
    Index,   ///< kids[0][kids[1]]
    Range,   ///< kids[0][kids[1] text kids[2]] where text is ":", "+:" or "-:"
    Concat,  ///< {kids...}
    Repeat,  ///< {kids[0]{kids[1..]}}
    Call,    ///< text(kids...): system functions and the design's own functions
    Inside,  ///< kids[0] inside {kids[1..]}; a Range kid with a null base is
             ///< `[lo:hi]`
  };
  Kind kind = Kind::Ident;
  std::string text;
  std::vector<std::shared_ptr<Expr>> kids;
};
using ExprPtr = std::shared_ptr<Expr>;

/// A sequence. Every sequence of the subset has a bounded length.
struct Seq {
  enum class Kind {
    Bool,       ///< one cycle where `boolean` holds
    Concat,     ///< kids[0] ##[lo:hi] kids[1]
    Repeat,     ///< kids[0] [*lo:hi]
    Or,         ///< kids[0] or kids[1]
    And,        ///< kids[0] and kids[1]
    Intersect,  ///< kids[0] intersect kids[1]
    Throughout, ///< boolean throughout kids[0]
  };
  Kind kind = Kind::Bool;
  ExprPtr boolean;
  std::vector<std::shared_ptr<Seq>> kids;
  int lo = 0;
  int hi = 0;
};
using SeqPtr = std::shared_ptr<Seq>;

/// The property of one assertion.
struct Property {
  enum class Kind {
    Sequence,    ///< the sequence must match from every cycle
    Not,         ///< the sequence must never match
    Overlapping, ///< antecedent |-> consequent
    NextCycle,   ///< antecedent |=> consequent
  };
  Kind kind = Kind::Sequence;
  SeqPtr antecedent; ///< null for Sequence and Not
  SeqPtr consequent; ///< the sequence of Sequence and Not
};

/// A whole `assert property (...)` body after named properties and sequences
/// were expanded.
struct PropertySpec {
  ExprPtr clock;   ///< the `posedge` clock expression; null when the assertion
                   ///< names none
  ExprPtr disable; ///< `disable iff (...)`; null when none
  Property property;
};

/// Verilog for a boolean: fully parenthesised, `===`/`!==` as `==`/`!=` (the
/// model is two-valued), comparisons with X/Z literals and `$isunknown` folded
/// to their two-valued constants.
std::string printExpr(const Expr &e);

/// How many cycles of history the expression reads: `$past(x, n)` reads n,
/// `$rose` and kin one.
int pastDepth(const Expr &e);

/// Shortest and longest match of a sequence, as end offset minus start offset
/// (a one-cycle boolean spans 0; an empty match spans -1).
int minSpan(const Seq &s);
int maxSpan(const Seq &s);

/// The property in SVA syntax again (for messages and tests).
std::string printSeq(const Seq &s);

} // namespace rtlarena::formal
