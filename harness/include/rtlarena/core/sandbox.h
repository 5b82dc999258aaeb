// Bubblewrap sandbox for anything that touches model-written code: only /usr (read-only) and the
// job directory (read-write, as /tmp/job) are visible; no network, new pid namespace.
#pragma once

#include <string>
#include <vector>

#include "rtlarena/core/process.h"
#include "rtlarena/core/result.h"

namespace rtlarena {

enum class SandboxMode {
  Bubblewrap,  ///< the default
  None,        ///< --no-sandbox: the user accepted running model code unconfined
};

struct SandboxConfig {
  SandboxMode mode = SandboxMode::Bubblewrap;
  std::string jobDirInside = "/tmp/job";  ///< where the job directory appears inside
  /// Host paths made visible read-only at the same path (e.g. a prebuilt Verilator runtime).
  std::vector<std::string> readOnlyBinds;
};

/// Checks once per process that bubblewrap can create its namespaces here. The error names
/// what failed and suggests --no-sandbox.
Status probeSandbox();

/// Rewrites a spec so that it runs inside the sandbox. spec.workDir is the job directory; the
/// argv refers to files by paths relative to it. Paths inside argv that start with the job
/// directory are rewritten to the inside path.
ProcessSpec sandboxed(const ProcessSpec& spec, const SandboxConfig& config);

/// runProcess(sandboxed(spec)) when the mode is Bubblewrap, runProcess(spec) otherwise.
Result<ProcessResult> runSandboxed(const ProcessSpec& spec, const SandboxConfig& config);

}  // namespace rtlarena
