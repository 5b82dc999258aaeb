// The elaborated hierarchy under the candidate's top, read from Icarus's compiled image: a
// second, independent check that the candidate reached only modules it defines itself.
#include <map>
#include <regex>
#include <sstream>

#include "rtlarena/eval/isolation.h"

namespace rtlarena {

std::vector<std::string> foreignModulesUnderTop(const std::string& vvp, const std::string& top,
                                                const std::set<std::string>& allowed) {
  // S_0x55f0 .scope module, "dut" "TopModule" 3 1, 2 2 0, S_0x55f1;
  static const std::regex scopeRe(R"re(^(S_0x[0-9a-f]+) \.scope (\w+), "((?:[^"\\]|\\.)*)" "((?:[^"\\]|\\.)*)"[^;]*?(?:, (S_0x[0-9a-f]+))?;)re");
  struct Scope {
    std::string kind, def, parent;
  };
  std::map<std::string, Scope> scopes;
  std::istringstream in(vvp);
  std::string line;
  std::smatch m;
  while (std::getline(in, line))
    if (line.rfind("S_0x", 0) == 0 && std::regex_search(line, m, scopeRe))
      scopes[m[1].str()] = {m[2].str(), m[4].str(), m[5].str()};
  auto underTop = [&](std::string label) {
    for (int depth = 0; depth < 10000 && !label.empty(); ++depth) {
      auto it = scopes.find(label);
      if (it == scopes.end()) return false;
      if (it->second.kind == "module" && it->second.def == top) return true;
      label = it->second.parent;
    }
    return false;
  };
  std::set<std::string> foreign;
  for (const auto& [label, s] : scopes)
    if (s.kind == "module" && !allowed.count(s.def) && !s.parent.empty() && underTop(s.parent))
      foreign.insert(s.def);
  return {foreign.begin(), foreign.end()};
}

}  // namespace rtlarena
