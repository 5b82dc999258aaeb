// Mutants of a task's reference: Yosys `mutate -list` picks N single-bit faults (an inverted,
// constant or cross-wired cell port), each is applied to a fresh copy of the flattened
// reference and written back as Verilog under the task's top name, so it stands in for a
// candidate with the reference's interface.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/core/sandbox.h"
#include "rtlarena/tasks/task.h"

namespace rtlarena::mutate {

struct Mutant {
  int index = 0;
  std::string command;      ///< the Yosys `mutate -mode ...` line that made it
  std::string description;  ///< "inv of $add port B bit 0 at ref.sv:5: k <= k + 4'd1;"
  int sourceLine = 0;       ///< line of the mutated cell in the reference (0 = unknown)
  std::string code;         ///< the mutant, module named task.top
};

struct MutantOptions {
  int count = 20;
  unsigned seed = 1;
  SandboxConfig sandbox;    ///< the reference of an external dataset is not ours either
  std::chrono::milliseconds deadline{120000};
  std::string workRoot;
  /// Keep every named signal of the reference, even one no output depends on (Yosys would
  /// drop it): assertions on internal signals then read them in every mutant, and faults in
  /// such logic are mutants too (equivalent ones). Off for testbench analysis.
  bool keepNamedSignals = false;
};

/// Makes up to `count` mutants of the task's reference. Error when rtlarena failed or Yosys
/// could not read the reference (a broken reference is the dataset's problem, named as such).
/// A listed mutation that Yosys itself fails to apply (an internal assertion on some memory
/// ports) is left out, its index kept free, and its command added to `unapplied` when given.
Result<std::vector<Mutant>> makeMutants(const Task& task, const MutantOptions& options,
                                        std::vector<std::string>* unapplied = nullptr);

/// The Yosys script that lists the mutations (exposed for tests and `--keep`).
std::string listScript(const std::string& refTop, const std::string& top, int count, unsigned seed,
                       bool keepNamedSignals = false);

/// The Yosys script that applies each listed mutation from index `first` on and writes
/// mutant_<i>.v.
std::string applyScript(const std::string& refTop, const std::string& top, const std::vector<std::string>& commands,
                        bool keepNamedSignals = false, std::size_t first = 0);

/// "inv of cell $add$reference.sv:5$2 port B bit 0" plus the source line, from a mutate line
/// and the reference text.
std::string describeMutation(const std::string& command, const std::string& reference, int* line);

}  // namespace rtlarena::mutate
