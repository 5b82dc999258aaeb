// Benchmark hygiene: run every golden design against its own testbench on each simulator (and
// through the VerilogEval harness for VerilogEval tasks), run the negative control, lint the
// golden design, and turn what is wrong into errata.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rtlarena/core/sandbox.h"
#include "rtlarena/eval/verdict.h"
#include "rtlarena/tasks/errata.h"
#include "rtlarena/tasks/task.h"

namespace rtlarena {

struct AuditOptions {
  SandboxConfig sandbox;
  std::vector<std::string> simulators = {"icarus", "verilator"};
  bool compat = true;    ///< also the VerilogEval harness, for VerilogEval tasks
  bool control = true;   ///< the empty-module negative control (Icarus)
  bool lint = true;      ///< verilator --lint-only -Wall on the golden design
  unsigned workers = 0;  ///< 0 = cores
  std::string workRoot;
};

struct AuditRow {
  std::string taskId;
  std::map<std::string, Evaluation> golden;  ///< simulator (or "verilogeval") → verdict
  std::optional<Evaluation> control;
  int lintWarnings = -1;  ///< -1: not linted
  std::string lintFirst;  ///< first lint message
};

struct AuditReport {
  std::vector<AuditRow> rows;  ///< in task order
  Errata errata;
  double seconds = 0;
};

/// Audits every task. `onRow` (optional) is called as each task finishes, from worker threads.
AuditReport auditTasks(const std::vector<Task>& tasks, const AuditOptions& options,
                       const std::function<void(const AuditRow&)>& onRow = {});

}  // namespace rtlarena
