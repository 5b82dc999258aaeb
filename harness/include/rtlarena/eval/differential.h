// The differential judge: a candidate against the task's reference under many random stimulus
// sequences, every output compared each cycle. From the reference's port list we write a
// testbench (ours, generated per task, seeded from the task so an answer always meets the same
// stimulus): one reference/candidate pair per sequence, each sequence with its own reset
// schedule, a line `Mismatches: K in N samples` where a sample is a sequence and K the sequences
// in which some output differed. The bench is then run by the ordinary Evaluator, so the
// candidate policy, the isolation of the bench (renamed units), the hierarchy check and the
// simulator choice are exactly those of the testbench judge.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/eval/verdict.h"
#include "rtlarena/tasks/task.h"

namespace rtlarena {

/// How much random stimulus: `sequences` independent runs from power-up, `cycles` clock cycles
/// each.
struct DifferentialSettings {
  int sequences = 32;
  int cycles = 100;
};

/// One port of a module header, its width resolved.
struct PortDecl {
  std::string name;
  bool input = true;  ///< false: an output
  int width = 1;
};

/// The ports of `module` in `source` (ANSI or not), widths from literal ranges or expressions of
/// the header's parameters (+ - * / % and $clog2). Error naming the port when a width cannot be
/// read, a port is an inout or an unpacked array, or the module is not there.
Result<std::vector<PortDecl>> modulePorts(const std::string& source, const std::string& module);

/// When the resets of one sequence are asserted.
enum class ResetPattern {
  AtStart,        ///< the first two cycles
  AtStartAndMid,  ///< the first two cycles and two cycles in the middle (reset from a reached state)
  Never,          ///< held inactive throughout
};
std::string_view resetPatternName(ResetPattern p);

struct DifferentialPlan {
  std::string refTop;   ///< the reference's module
  std::string candTop;  ///< the candidate's module
  std::vector<PortDecl> ports;
  std::string clock;  ///< "" for a combinational design: inputs then change every 10 time units
  struct Reset {
    std::string name;
    bool activeLow = false;
  };
  std::vector<Reset> resets;  ///< every reset-like 1-bit input
  DifferentialSettings settings;
  std::uint64_t seed = 1;  ///< from the task: the same stimulus for every answer
  /// Sequence i, reset r: pattern (i / 3^r) % 3, so every combination appears when there are at
  /// least 3^resets sequences.
  ResetPattern pattern(int sequence, std::size_t reset) const;
};

/// The plan for a task: the reference's ports, the clock and resets found by name.
Result<DifferentialPlan> planDifferential(const Task& task, const DifferentialSettings& settings);

/// The generated testbench (module `rtlarena_diff_tb`).
std::string differentialBench(const DifferentialPlan& plan);

/// The task as the differential judge runs it: the same task with the generated bench (and, for
/// a task whose only reference is a golden candidate, that candidate under a module name of its
/// own). Error when the reference's ports cannot be read.
Result<Task> differentialTask(const Task& task, const DifferentialSettings& settings);

/// A differential verdict's message in the judge's words: "K of N sequences differ; first:
/// sequence 3 cycle 17 before the edge: q reference 5 candidate 6" (from the bench's log).
void explainDifferential(Evaluation& e);

}  // namespace rtlarena
