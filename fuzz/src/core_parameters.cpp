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

std::map<std::string, std::string> wrapperDefines(const std::string& wrapperText) {
  std::map<std::string, std::string> out;
  const std::regex define(R"(^[ \t]*`define[ \t]+([A-Za-z_][A-Za-z0-9_$]*)([ \t]+[^\n]*)?$)", std::regex::multiline);
  for (auto it = std::sregex_iterator(wrapperText.begin(), wrapperText.end(), define); it != std::sregex_iterator(); ++it) {
    std::string value = (*it)[2];
    if (auto c = value.find("//"); c != std::string::npos) value.erase(c);
    const auto b = value.find_first_not_of(" \t"), e = value.find_last_not_of(" \t\r");
    out[(*it)[1]] = b == std::string::npos ? "" : value.substr(b, e - b + 1);
  }
  return out;
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
