// Evaluate one candidate against one task. The order of stages is the contract:
//   extract → policy → compile → simulate → classify (→ PPA, when asked, only for a pass)
// Policy comes before compile so forged results are never simulated; compile before simulate
// so a syntax error is scored as such.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "rtlarena/core/sandbox.h"
#include "rtlarena/eval/simulator.h"
#include "rtlarena/eval/verdict.h"
#include "rtlarena/tasks/task.h"

namespace rtlarena {

/// The simulator a user asks for. `Both` is a run-level choice (Icarus gives the verdicts,
/// Verilator a second opinion), so no single Simulator stands for it.
enum class SimulatorKind { Icarus, Verilator, VerilatorStock, Auto, Both };

/// "icarus", "verilator", "verilator-stock", "auto", "both": the names on the command line and
/// in stored run configurations.
std::string_view simulatorName(SimulatorKind kind);
std::optional<SimulatorKind> simulatorFromName(std::string_view name);

struct EvalOptions {
  SandboxConfig sandbox;
  SimulatorKind simulator = SimulatorKind::Icarus;
  bool policyCheck = true;
  std::string workRoot;             ///< where job dirs are made (default: system temp)
  bool keepJobDirs = false;
  std::vector<std::string> plusargs;  ///< given to the simulation, e.g. "seed=3" (the benches read +seed)
  /// Icarus only: dump every signal of the bench to this VCD file (copied out of the job).
  std::string vcdFile;
};

/// A registry of simulators; new backends add one line in evaluator.cpp. Null for `Both`.
std::unique_ptr<Simulator> makeSimulator(SimulatorKind kind);

class Evaluator {
 public:
  explicit Evaluator(EvalOptions options);
  /// Evaluates already-extracted code. Thread-safe. When `outcome` is given and the code was
  /// simulated, it receives the simulator's raw compile and run results.
  Evaluation evaluate(const Task& task, const std::string& code, SimOutcome* outcome = nullptr) const;
  const EvalOptions& options() const { return options_; }

 private:
  EvalOptions options_;
};

}  // namespace rtlarena
