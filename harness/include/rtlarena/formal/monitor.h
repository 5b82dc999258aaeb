// Translation of one concurrent assertion into monitor logic that Yosys's
// formal front end reads: blocking temporaries and `$past` taps inside one
// clocked always block, a saturating cycle counter, immediate assertions (for
// traces), and a registered failure flag `<label>_fail` per check (the proof
// model's outputs). The check of an attempt that starts at cycle t is made at
// t + W, W being the property's longest window, when the values of every cycle
// the attempt can read are available; so every finite match of the SVA
// semantics is decided exactly.
#pragma once

#include <optional>
#include <string>

#include "rtlarena/formal/sva_ast.h"
#include "rtlarena/formal/sva_parser.h"

namespace rtlarena::formal {

struct MonitorContext {
  std::string
      name; ///< prefix of every generated identifier, e.g. "rtlarena_a3"
  std::string
      clock; ///< clock used when the property names none (empty: none known)
  ExprPtr defaultDisable; ///< `default disable iff` of the scope, used when the
                          ///< property has none
  int firstCheckedCycle = 0; ///< 1 when the reset is held in cycle 0, else 0
  bool assume = false;       ///< emit `assume` instead of `assert`
  int minHistory = 0; ///< judge attempts only from where this much history
                      ///< exists, even if the property reads less (aligns
                      ///< the attempts of properties compared for equivalence)
};

struct Monitor {
  std::string code; ///< module items on a single line (so errors map to the
                    ///< assertion's line)
  std::string assertLabel; ///< label of the immediate assertion (or assumption)
  std::string coverLabel;  ///< label of the vacuity probe:
                           ///< `assert(!antecedent_matched)`; empty if none
  int window = 0;          ///< W: cycles from an attempt's start to its check
  int history = 0;         ///< cycles of `$past` history the booleans read
  int firstCheck = 0;      ///< the first cycle at which the check is enabled
};

struct Translation {
  std::optional<Monitor> monitor;
  ParseIssue
      issue; ///< unsupported (too large, no clock) when there is no monitor
};

/// Builds the monitor of one parsed property.
Translation translateProperty(const PropertySpec &spec,
                              const MonitorContext &context);

} // namespace rtlarena::formal
