// Verdicts: what happened to one candidate. Outcomes are data, never exceptions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rtlarena {

enum class Verdict {
  Pass,
  NoCode,           ///< nothing that looks like the module could be extracted
  PolicyViolation,  ///< forbidden construct (system task, hierarchical escape, include)
  SyntaxError,
  CompileError,     ///< elaboration failed; `cls` says why
  SimTimeout,       ///< the simulation ran past its deadline
  SimCrash,         ///< the simulator died or printed no readable result
  Mismatch,         ///< the testbench counted mismatches
  HarnessError,     ///< rtlarena's fault, never the model's
  LlmError,         ///< no answer from the endpoint after retries
};

std::string_view verdictName(Verdict v);
std::optional<Verdict> verdictFromName(std::string_view name);

struct Evaluation {
  Verdict verdict = Verdict::HarnessError;
  std::string cls;        ///< sub-class, e.g. "undeclared_identifier", "port_mismatch"
  std::string message;    ///< one line for humans
  std::int64_t mismatches = -1;
  std::int64_t samples = -1;
  std::string logTail;    ///< the last lines of the tool logs, temp paths scrubbed
  std::string simulator;  ///< "icarus" | "verilator"
  std::string compatCode; ///< VerilogEval failure code when compat scoring ran ("." = pass)
  double compileSeconds = 0;
  double simSeconds = 0;
  double policySeconds = 0;
  double wallSeconds = 0;

  bool passed() const { return verdict == Verdict::Pass; }
};

}  // namespace rtlarena
