// Reads the generic netlist's JSON. Generic flip-flop cells ($_DFF_P_, $_SDFFE_PP0P_, ...)
// all name their clock pin C, so the clock is found without knowing the liberty.
#include "rtlarena/synth/netlist.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

namespace rtlarena::synth {

using nlohmann::json;

std::string PortInfo::bitName(int i) const {
  if (width == 1 && offset == 0) return name;
  return name + "[" + std::to_string(bitIndex(i)) + "]";
}

bool NetlistInfo::hasInputs() const {
  for (const auto& p : ports)
    if (p.input) return true;
  return false;
}

Result<NetlistInfo> parseNetlistJson(const std::string& text, const std::string& top) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.contains("modules") || !j["modules"].contains(top))
    return makeError(ErrorCode::Parse, "Yosys JSON netlist: no module '" + top + "'");
  const json& m = j["modules"][top];
  NetlistInfo info;
  std::map<long, std::string> portOfBit;  // input bit number -> port name
  if (m.contains("ports")) {
    for (auto it = m["ports"].begin(); it != m["ports"].end(); ++it) {
      const json& p = it.value();
      PortInfo port;
      port.name = it.key();
      const std::string dir = p.value("direction", "");
      port.input = dir == "input" || dir == "inout";
      port.output = dir == "output" || dir == "inout";
      port.width = p.contains("bits") ? static_cast<int>(p["bits"].size()) : 1;
      port.offset = p.value("offset", 0);
      port.upto = p.value("upto", 0) != 0;
      if (port.input && p.contains("bits"))
        for (const auto& b : p["bits"])
          if (b.is_number_integer()) portOfBit[b.get<long>()] = port.name;
      info.ports.push_back(port);
    }
  }
  std::map<std::string, int> clockUse;
  if (m.contains("cells")) {
    for (const auto& [name, cell] : m["cells"].items()) {
      const std::string type = cell.value("type", "");
      if (type.rfind("$_", 0) != 0) continue;
      const bool isLatch = type.find("DLATCH") != std::string::npos;
      const bool isFlop = !isLatch && (type.find("DFF") != std::string::npos);
      if (isLatch) ++info.latches;
      if (!isFlop) continue;
      ++info.flops;
      if (!cell.contains("connections") || !cell["connections"].contains("C")) continue;
      for (const auto& b : cell["connections"]["C"])
        if (b.is_number_integer())
          if (auto p = portOfBit.find(b.get<long>()); p != portOfBit.end()) ++clockUse[p->second];
    }
  }
  std::vector<std::pair<std::string, int>> clocks(clockUse.begin(), clockUse.end());
  std::stable_sort(clocks.begin(), clocks.end(), [](auto& a, auto& b) { return a.second > b.second; });
  for (const auto& c : clocks) info.clockPorts.push_back(c.first);
  return info;
}

}  // namespace rtlarena::synth
