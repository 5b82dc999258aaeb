// The parameters a wrapper gives its core instance (`core #(.NAME(value), ...) inst (...)`).
// Injection elaborates the core with them and declares them on the shells that stand in for
// the core, so the wrapper's instance still binds. Named overrides only.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace rtlarena::fuzz {

using InstanceParameters = std::vector<std::pair<std::string, std::string>>;

/// The named parameter overrides of the first instance of `module` in `wrapperText`.
InstanceParameters instanceParameters(const std::string& wrapperText, const std::string& module);

/// " #(parameter NAME = value, ...)" for a module header; empty without parameters.
std::string parameterHeader(const InstanceParameters& params);

/// " -chparam NAME value ..." for Yosys `hierarchy`.
std::string chparamFlags(const InstanceParameters& params);

}  // namespace rtlarena::fuzz
