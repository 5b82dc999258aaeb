// From simulator logs to a verdict. The native classifier is ours; compat classifiers
// reproduce other benchmarks' rules (VerilogEval) so scores can be compared.
#pragma once

#include <string>

#include "rtlarena/eval/simulator.h"
#include "rtlarena/eval/verdict.h"
#include "rtlarena/tasks/task.h"

namespace rtlarena {

/// A compiler failure: syntax_error or compile_error with a subclass derived from the
/// compiler's own messages (undeclared_identifier, port_mismatch, unknown_module, ...).
Evaluation classifyCompileFailure(const std::string& log, const std::string& simulator);

/// The native verdict of a finished (or killed) simulation.
Evaluation classifySimulation(const SimOutcome& outcome, const Task& task);

/// Reads "Mismatches: N in M samples"; false when absent. When several lines exist, the last
/// one written by the testbench wins; more than one counts as a forged result.
struct ResultLine {
  bool found = false;
  long long mismatches = 0;
  long long samples = 0;
  int count = 0;  ///< how many result lines were printed
};
ResultLine parseResultLine(const std::string& log);

/// Removes job-directory paths from a log so it is identical across runs.
std::string scrubPaths(const std::string& log, const std::string& jobDir);

}  // namespace rtlarena
