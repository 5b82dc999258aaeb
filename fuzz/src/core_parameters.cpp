#include "rtlarena/fuzz/core_parameters.h"

#include <regex>

namespace rtlarena::fuzz {

InstanceParameters instanceParameters(const std::string& wrapperText, const std::string& module) {
  InstanceParameters params;
  std::smatch m;
  const std::regex instance("\\b" + module + R"(\s*#\s*\(([^;]*?)\)\s*[A-Za-z_][A-Za-z0-9_$]*\s*\()");
  if (!std::regex_search(wrapperText, m, instance)) return params;
  const std::string list = m[1];
  const std::regex named(R"(\.\s*([A-Za-z_][A-Za-z0-9_$]*)\s*\(\s*([^()]*?)\s*\))");
  for (auto it = std::sregex_iterator(list.begin(), list.end(), named); it != std::sregex_iterator(); ++it)
    params.push_back({(*it)[1], (*it)[2]});
  return params;
}

std::string parameterHeader(const InstanceParameters& params) {
  std::string h;
  for (const auto& [name, value] : params) h += std::string(h.empty() ? " #(" : ", ") + "parameter " + name + " = " + value;
  return h.empty() ? h : h + ")";
}

std::string chparamFlags(const InstanceParameters& params) {
  std::string f;
  for (const auto& [name, value] : params) f += " -chparam " + name + " " + value;
  return f;
}

}  // namespace rtlarena::fuzz
