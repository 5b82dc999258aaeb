// Where the external tools are and which versions they are; recorded with every run.
#pragma once

#include <map>
#include <string>

#include "rtlarena/core/result.h"

namespace rtlarena {

/// Absolute path of a program found in PATH, or ToolMissing naming the Debian package.
Result<std::string> findTool(const std::string& name);

/// Verilator's own binary and root. `verilator` is a Perl wrapper that sets VERILATOR_ROOT and
/// execs `verilator_bin`; for a small parse its start-up is most of the cost, so callers that
/// only parse run `bin` with VERILATOR_ROOT=`root`. Probed once per process; empty `bin` when
/// either cannot be found (then use the wrapper).
struct VerilatorBinary {
  std::string bin;
  std::string root;
};
const VerilatorBinary& verilatorBinary();

/// First line of `TOOL --version` (or -V) for the tools rtlarena uses, cached per process.
std::map<std::string, std::string> toolVersions();

/// The folder holding datasets/, designs/, testbenches/: $RTLARENA_HOME, else the source dir
/// the binary was built from, else the current directory.
std::string projectRoot();

}  // namespace rtlarena
