// Helpers shared by CLI commands: error printing with the right exit code, sandbox flags.
#pragma once

#include <string>

#include "rtlarena/core/result.h"
#include "rtlarena/core/sandbox.h"
#include "rtlarena/tasks/task.h"

namespace rtlarena::cli {

/// Prints "rtlarena: <message>" on stderr and returns the exit code for the error's kind.
int reportError(const Error& error);

/// Builds the sandbox config; probes bubblewrap unless disabled. Error names the fix.
Result<SandboxConfig> sandboxFromFlags(bool noSandbox);

/// A built-in task by "popcount8", "core/popcount8", or a task directory.
Result<Task> findTask(const std::string& ref);

}  // namespace rtlarena::cli
