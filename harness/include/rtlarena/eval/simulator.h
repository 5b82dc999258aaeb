// The Simulator seam: compile and run one testbench + candidate in a job directory. Icarus and
// Verilator implement it; classification of the logs happens elsewhere (classify.h).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "rtlarena/core/process.h"
#include "rtlarena/core/result.h"
#include "rtlarena/core/sandbox.h"
#include "rtlarena/tasks/task.h"

namespace rtlarena {

struct SimJob {
  std::string jobDir;                    ///< private, writable; files are written here
  std::vector<SourceFile> sources;       ///< the candidate first, then the bench files in their order
  std::vector<SourceFile> supportFiles;  ///< data files the testbench reads
  std::string top = "tb";
  std::string benchKey;                  ///< identifies the task's bench across jobs (auto's memory)
  SimLimits limits;
  SandboxConfig sandbox;
  std::vector<std::string> plusargs;     ///< e.g. "seed=3"
  std::vector<std::string> extraCompileFlags;  ///< compat modes add their own
};

struct SimOutcome {
  bool compiled = false;
  ProcessResult compile;  ///< compile (and, for Verilator, build) step
  ProcessResult run;      ///< valid when compiled
  std::string simulator;
};

class Simulator {
 public:
  virtual ~Simulator() = default;
  virtual std::string name() const = 0;
  /// Error only for harness failures (cannot write files, cannot spawn).
  virtual Result<SimOutcome> simulate(const SimJob& job) = 0;
};

std::unique_ptr<Simulator> makeIcarusSimulator();

}  // namespace rtlarena
