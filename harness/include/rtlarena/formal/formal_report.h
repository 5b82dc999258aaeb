// What `rtlarena check` decides: one verdict per assertion, in source order,
// and the settings the proofs ran under. Rendered as text for people and as
// JSON (docs/FORMAL.md) for programs.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace rtlarena::formal {

enum class FormalVerdict {
  Proven, ///< no counterexample exists (unbounded proof), and the antecedent is
          ///< reachable
  Vacuous,      ///< proven, but the antecedent can never match
  Cex,          ///< a counterexample exists; depth and trace given
  Undetermined, ///< no counterexample up to the bound, no proof within the time
  Timeout,      ///< the prover was killed at its deadline
  Unsupported,  ///< outside the supported SVA subset (the construct is named)
  SyntaxError,  ///< not valid SystemVerilog, or rejected by Yosys
};

/// "proven", "vacuous", "cex", "undetermined", "timeout", "unsupported",
/// "syntax_error".
std::string_view formalVerdictName(FormalVerdict v);

struct AssertionVerdict {
  std::string
      name; ///< the label, or `_assert_N` (N counts assertions in source order)
  std::string file; ///< the property file it came from
  int line = 0;
  FormalVerdict verdict = FormalVerdict::Undetermined;
  int depth =
      0; ///< cex: cycles from the start of the trace to the failing check
  std::string message; ///< why, for every verdict but proven
  std::string
      vcd; ///< cex: path of the counterexample trace, when one was written
  double seconds = 0; ///< prover time of this assertion
};

struct CheckReport {
  std::vector<AssertionVerdict> assertions;
  std::string top;
  std::string clock; ///< the clock used for assertions that name none
  std::string reset; ///< empty: no reset (free initial state)
  bool resetActiveHigh = true;
  std::vector<std::string> latches; ///< latches Yosys inferred in the design
  std::vector<std::string> notes;   ///< inferred settings and ignored text
  double seconds = 0;               ///< wall time of the whole check

  std::map<FormalVerdict, int> counts() const;
  bool anyCex() const;
};

std::string reportToJson(const CheckReport &report);
std::string reportToText(const CheckReport &report);

} // namespace rtlarena::formal
