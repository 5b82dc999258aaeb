// The shell that stands in for a core: a module with the core's ports (Yosys write_json of the
// flattened, unmutated core) that instantiates the mutated netlist and drives its select.
// `fuzz inject` names it after the core and reads the select from a plusarg; the formal miter
// makes two, one holding select 0 and one left to the solver.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/fuzz/core_parameters.h"

namespace rtlarena::fuzz {

/// The mutated netlist's module; its extra input `mutsel` enables mutation K when it equals K.
inline constexpr const char* kMutatedModule = "rtlarena_mut_core";

struct ShellSpec {
  std::string module;         ///< the shell's own name
  InstanceParameters params;  ///< declared only, so that the wrapper's instance binds
  std::string declarations;   ///< Verilog lines before the instance
  std::string select;         ///< the expression that drives mutsel
};

Result<std::string> mutantShell(const std::filesystem::path& portsJson, const ShellSpec& spec);

/// The Yosys commands that read the core's sources (every one but the wrapper), elaborate
/// `module` with the wrapper's parameters, flatten it and name it kMutatedModule; the
/// mutations come after.
std::string elaborateCoreScript(const std::vector<std::filesystem::path>& sources,
                                const std::map<std::string, std::string>& defines,
                                const std::vector<std::filesystem::path>& includeDirs, const std::string& module,
                                const InstanceParameters& params);

/// " -DNAME=value ... -IDIR ..." for Yosys `read_verilog`.
std::string readVerilogFlags(const std::map<std::string, std::string>& defines,
                             const std::vector<std::filesystem::path>& includeDirs);

}  // namespace rtlarena::fuzz
