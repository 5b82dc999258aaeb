// Helpers shared by CLI commands: error printing with the right exit code, sandbox flags.
#pragma once

#include <string>

#include "rtlarena/core/result.h"
#include "rtlarena/core/sandbox.h"
#include "rtlarena/tasks/task.h"

namespace rtlarena::cli {

/// Prints "rtlarena: <message>" on stderr and returns the exit code for the error's kind.
int reportError(const Error& error);

/// Prints one JSON document on stdout, floats rounded (core/json_tidy.h); one line.
void printJson(const std::string& jsonText);

/// Builds the sandbox config; probes bubblewrap unless disabled. Error names the fix.
Result<SandboxConfig> sandboxFromFlags(bool noSandbox);

/// A built-in task by "popcount8", "core/popcount8", or a task directory.
Result<Task> findTask(const std::string& ref);

/// One problem of another benchmark's dataset (`--dataset FORMAT:PATH --task ID`); "did you
/// mean" when the id is misspelt.
Result<Task> findDatasetTask(const std::string& dataset, const std::string& id);

/// All of standard input (`-` as a file name).
Result<std::string> readStdin();

}  // namespace rtlarena::cli
