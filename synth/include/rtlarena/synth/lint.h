// Source checks that Yosys 0.23 would pass silently: simulation-only constructs that make a
// design not hardware. Yosys drops `initial` timing and most system tasks without a word, so
// without this check such a design would get a misleading area instead of a verdict.
#pragma once

#include <string>
#include <vector>

namespace rtlarena::synth {

struct SynthFinding {
  std::string cls;        ///< initial_timing | always_timing | system_task
  std::string construct;  ///< e.g. "#10 in initial", "$display"
  int line = 0;
};

/// Timing controls (#, @, wait, forever) inside `initial`, `always` without any event control
/// (`always #5 ...`), and system tasks other than the pure functions synthesis understands
/// ($signed, $clog2, ...). Comments and strings are skipped.
std::vector<SynthFinding> findUnsynthesizable(const std::string& code);

}  // namespace rtlarena::synth
