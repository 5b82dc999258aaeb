// The top module's inputs, and the clock and reset inferred from their names
// when the user names none (as commercial formal tools do): one 1-bit input
// named like a clock, one named like a reset, its polarity read from the name
// (`rst_n`, `resetn`, `nrst` are active low).
#pragma once

#include <string>
#include <vector>

namespace rtlarena::formal {

struct InputPort {
  std::string name;
  bool singleBit = true;
};

/// The inputs of `module top` in `source` (ANSI or not). Empty when the module
/// is not there.
std::vector<InputPort> topInputs(const std::string &source,
                                 const std::string &top);

/// The one clock-like 1-bit input, or empty when there is none or the choice is
/// ambiguous.
std::string inferClock(const std::vector<InputPort> &inputs);

/// The one reset-like 1-bit input, or empty.
std::string inferReset(const std::vector<InputPort> &inputs,
                       const std::string &clock);

/// Whether a reset with this name is active low by convention.
bool resetNameIsActiveLow(const std::string &name);

} // namespace rtlarena::formal
