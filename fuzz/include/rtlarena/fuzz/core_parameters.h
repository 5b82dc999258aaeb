// The parameters a wrapper gives its core instance (`core #(.NAME(value), ...) inst (...)`).
// Injection elaborates the core with them and declares them on the shells that stand in for
// the core, so the wrapper's instance still binds. Named overrides only. The wrapper's own
// `define lines matter too: a simulator reads the wrapper first, so a macro it defines (e.g.
// PicoRV32's RISCV_FORMAL, which enables the RVFI ports) applies to the core sources after it.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace rtlarena::fuzz {

using InstanceParameters = std::vector<std::pair<std::string, std::string>>;

/// The named parameter overrides of the first instance of `module` in `wrapperText`.
InstanceParameters instanceParameters(const std::string& wrapperText, const std::string& module);

/// " #(parameter NAME = value, ...)" for a module header; empty without parameters.
std::string parameterHeader(const InstanceParameters& params);

/// The object-like macros `wrapperText` defines (`define NAME [value]), in order; function-like
/// macros are skipped.
std::map<std::string, std::string> wrapperDefines(const std::string& wrapperText);

/// " -chparam NAME value ..." for Yosys `hierarchy`.
std::string chparamFlags(const InstanceParameters& params);

}  // namespace rtlarena::fuzz
