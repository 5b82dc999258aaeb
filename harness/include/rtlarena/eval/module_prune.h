// Pruning a candidate to its top module: answers often carry an example testbench or helper
// modules the design never uses, and an unused testbench's `$display` should not make a correct
// design a policy violation. Only whole design units are dropped; whatever is kept is checked.
#pragma once

#include <string>
#include <vector>

namespace rtlarena {

struct PruneResult {
  std::string code;                  ///< the kept text (the input itself when nothing was dropped)
  std::vector<std::string> dropped;  ///< names of the dropped units, in source order
};

/// Keeps the module `top`, every design unit (module, primitive, interface, package, program,
/// class, checker) whose name occurs as an identifier in kept code, transitively, and all text
/// outside design units (directives, comments, `config` blocks) verbatim and in order; drops the
/// other units. When the structure is not clearly understood (unbalanced units, a macro or a
/// conditional directive outside a unit, `top` missing, a name defined twice, a dropped unit
/// that defines a macro or sets a directive's state), returns `code` unchanged.
PruneResult pruneToTop(const std::string& code, const std::string& top);

}  // namespace rtlarena
