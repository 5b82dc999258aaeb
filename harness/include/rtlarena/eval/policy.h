// The candidate policy: what model-written code may not contain, checked on the parsed design
// (Verilator's XML dump) before anything is simulated, so a candidate cannot forge a verdict.
#pragma once

#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/core/sandbox.h"

namespace rtlarena {

struct PolicyFinding {
  std::string construct;  ///< e.g. "$display", "hierarchical reference tb.errors", "`include"
  int line = 0;
};

/// A compile error of the candidate standing alone: it uses a name that it does not define.
/// In a job the bench's macros and compilation-unit items could otherwise supply that name.
struct StandaloneError {
  std::string cls;      ///< "undefined_macro", "undeclared_identifier", "unknown_module"
  std::string message;  ///< the parser's words, file name and line included
};

struct PolicyReport {
  bool parsed = false;    ///< the parser accepted the candidate on its own
  std::vector<PolicyFinding> findings;
  std::vector<StandaloneError> standaloneErrors;
  std::string parserLog;  ///< the parser's messages when it did not accept the candidate
  double seconds = 0;
  bool violates() const { return !findings.empty(); }
  std::string summary() const;  ///< "uses $display (line 4), $finish (line 9)"
};

/// System functions a candidate may call: pure functions of their arguments.
bool isAllowedSystemCall(const std::string& name);

/// Scans the candidate's tokens (comments and strings skipped) for system tasks, compiler
/// directives that read files and hierarchical names. A fast first line of defence that also
/// covers code the parser rejects.
std::vector<PolicyFinding> scanTokens(const std::string& code);

/// Parses the candidate alone with `verilator --xml-only` in the sandbox and walks the tree.
/// Error only for harness failures.
Result<PolicyReport> checkPolicy(const std::string& code, const std::string& top,
                                 const std::string& jobDir, const SandboxConfig& sandbox);

}  // namespace rtlarena
