// Evaluate one candidate against one task. The order of stages is the contract:
//   extract → policy → compile → simulate → classify (→ PPA, when asked, only for a pass)
// Policy comes before compile so forged results are never simulated; compile before simulate
// so a syntax error is scored as such.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "rtlarena/core/sandbox.h"
#include "rtlarena/eval/simulator.h"
#include "rtlarena/eval/verdict.h"
#include "rtlarena/tasks/task.h"

namespace rtlarena {

struct EvalOptions {
  SandboxConfig sandbox;
  std::string simulator = "icarus";  ///< icarus | verilator | auto | both
  bool policyCheck = true;
  std::string workRoot;             ///< where job dirs are made (default: system temp)
  bool keepJobDirs = false;
  std::string compat;               ///< "" (native) or "verilogeval"
};

/// A registry of simulators by name; new backends add one line in evaluator.cpp.
std::unique_ptr<Simulator> makeSimulator(const std::string& name);

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
