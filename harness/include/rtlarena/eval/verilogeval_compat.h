// VerilogEval v2 compatibility: its extraction, its compile and run commands and its failure
// codes, reimplemented from the published rules so that scores compare with the paper's. Our
// native pipeline stays as it is; this is a second, separate scoring of the same answers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "rtlarena/core/sandbox.h"
#include "rtlarena/eval/simulator.h"
#include "rtlarena/eval/verdict.h"
#include "rtlarena/tasks/task.h"

namespace rtlarena {

/// The sample file VerilogEval's generator writes for a raw answer: for spec-to-rtl the lines
/// between a `[BEGIN]` line and a `[DONE]` line, else (neither found) the first fenced block or
/// `module TopModule`…`endmodule`; for code completion the same line copy, with the interface
/// header prepended when the answer does not start its own `module TopModule`. Includes the
/// blank lines and `// VERILOG-EVAL:` notes the original writes.
std::string extractVerilogEval(const std::string& answer, TaskKind kind, const std::string& interfaceHeader);

/// VerilogEval's failure code for a combined compile+run log and the sample's code, one of
/// `S e 0 n w m c T p C . r R` (see docs/DATASETS.md for their meaning and precedence).
char classifyVerilogEvalLog(const std::string& log, const std::string& sampleCode);

/// One line for humans naming a failure code.
std::string verilogEvalCodeName(char code);

/// VerilogEval's per-problem pass rate: int(npass / nsamples * 100), truncated in double
/// arithmetic exactly as the original computes it.
int verilogEvalProblemPercent(int npass, int nsamples);

struct CompatJob {
  std::string workRoot;     ///< parent of the job directory (default: system temp)
  SandboxConfig sandbox;
  int sampleIndex = 0;      ///< 0-based; files are named like the original's (sample01, ...)
  bool keepJobDir = false;
  /// The original sets no memory limit; ours is a guard for the machine, large enough that
  /// a runaway loop reaches the 30 s limit first (a run that exhausts it is scored T).
  std::uint64_t memoryGuardBytes = 8ull << 30;
};

/// Compiles `sampleCode` with the task's testbench and reference exactly as VerilogEval's
/// Makefile does and runs the image under a 30 s limit; the Evaluation carries the failure code
/// in compatCode and a verdict mapped from it. Never throws; harness failures are HarnessError.
Evaluation evaluateVerilogEval(const Task& task, const std::string& sampleCode, const CompatJob& job);

/// True when the two texts differ at most in surrounding blank lines and the extractor's
/// `// VERILOG-EVAL:` note lines, so they compile and simulate alike (line numbers aside).
bool sameSourceForVerilogEval(const std::string& compatCode, const std::string& nativeCode);

/// The same verdict from a native Icarus evaluation of the same code, whose compile already
/// uses the original's flags and files in its order: nullopt unless that run can stand for the
/// original's (a VerilogEval task; compile and run ended on their own, the run well inside 30 s;
/// no $stop, which `vvp -n` treats differently).
std::optional<Evaluation> verilogEvalFromNativeRun(const Task& task, const std::string& sampleCode, const SimOutcome& native);

}  // namespace rtlarena
