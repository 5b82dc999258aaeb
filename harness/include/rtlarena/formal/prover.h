// Running the solvers on one assertion: ABC on its AIGER file (`bmc3` for a
// shallow shortest counterexample, then `pdr` for an unbounded proof), the same
// on the vacuity probe, and yosys-smtbmc with z3 for a readable VCD trace of a
// counterexample. Each run is one sandboxed process with a deadline, killed
// with its whole process group when the deadline passes.
#pragma once

#include <string>
#include <vector>

#include "rtlarena/core/process.h"
#include "rtlarena/core/result.h"
#include "rtlarena/core/sandbox.h"

namespace rtlarena::formal {

struct ProverSettings {
  double seconds =
      20; ///< budget of one assertion (proof and vacuity probe together)
  int bmcFrames = 30; ///< depth of the quick bounded search
  std::string abc = "yosys-abc";
  std::string smtbmc = "yosys-smtbmc";
  SandboxConfig sandbox;
};

/// The answer of one ABC problem.
enum class SolverAnswer { Proven, Failed, Undecided, Killed, NoProperty };

struct AbcOutcome {
  SolverAnswer assertion = SolverAnswer::Undecided;
  int frame = 0;        ///< Failed: the frame ABC reports
  int boundReached = 0; ///< Undecided: frames searched without a counterexample
  SolverAnswer cover =
      SolverAnswer::Undecided; ///< the probe `assert(!antecedent)`: Proven =
                               ///< vacuous
  double seconds = 0;
  std::string log; ///< ABC's output, for messages
};

/// Runs ABC in `jobDir` on the cones of `assertionOutputs` of `aig` (a failure
/// flag each; more than one when a checker is bound twice) and then of
/// `coverOutputs` (the vacuity probes).
Result<AbcOutcome> runAbc(const std::string &jobDir, const std::string &aig,
                          const std::vector<int> &assertionOutputs,
                          const std::vector<int> &coverOutputs,
                          const ProverSettings &settings);

/// Parses ABC's output of the scripts runAbc builds: one status per output, in
/// order.
AbcOutcome parseAbcLog(const std::string &log, std::size_t assertionOutputs,
                       std::size_t coverOutputs);

/// Runs yosys-smtbmc with z3 on `model.smt2` in `jobDir` for `steps` steps and
/// writes `trace.vcd`. Error only when rtlarena failed; a solver that finds
/// nothing or is killed gives a ProcessResult the caller inspects.
Result<ProcessResult> runSmtbmcTrace(const std::string &jobDir, int steps,
                                     double seconds,
                                     const ProverSettings &settings);

} // namespace rtlarena::formal
