// A streaming VCD reader sufficient for Icarus's output: $var declarations, the $dumpvars
// block, #time lines, scalar (0!) and vector (b0101 !) changes. Real values are skipped.
#include "rtlarena/synth/vcd.h"

#include <cstdlib>
#include <sstream>
#include <vector>

#include "rtlarena/core/text.h"

namespace rtlarena::synth {
namespace {

struct Var {
  std::vector<std::string> bitNames;  ///< index 0 = least significant bit
};

struct BitState {
  char value = 'x';
  double since = 0;  ///< when it became 1 (valid while value == '1')
};

// "a [7:0]" or "a" (+width) -> bit names, LSB first.
std::vector<std::string> bitNamesOf(const std::string& ref, const std::string& range, int width) {
  std::vector<std::string> names;
  if (range.empty() || width == 1) {
    int index = 0;
    if (!range.empty()) index = std::atoi(range.c_str() + 1);
    names.push_back(range.empty() || index == 0 ? ref : ref + "[" + std::to_string(index) + "]");
    return names;
  }
  int msb = 0, lsb = 0;
  if (std::sscanf(range.c_str(), "[%d:%d]", &msb, &lsb) != 2) {
    msb = width - 1;
    lsb = 0;
  }
  const int step = msb >= lsb ? 1 : -1;
  for (int i = lsb, k = 0; k < width; i += step, ++k) names.push_back(ref + "[" + std::to_string(i) + "]");
  return names;
}

}  // namespace

Result<VcdActivity> parseVcd(std::string_view text) {
  VcdActivity act;
  std::map<std::string, std::vector<Var>> vars;  // id code -> variables (aliases share a code)
  std::map<std::string, BitState> state;
  double now = 0;
  bool sawDefinitions = false, changedNow = false;

  auto setBit = [&](const std::string& bit, char v) {
    BitState& s = state[bit];
    BitTrace& t = act.bits[bit];
    if (v == s.value) return;
    if (s.value == '1') t.highTime += now - s.since;
    if ((s.value == '0' && v == '1') || (s.value == '1' && v == '0')) ++t.toggles;
    if (s.value == '0' && v == '1') ++act.risingEdges[bit];
    if (v == '1') s.since = now;
    s.value = v;
    changedNow = true;
  };
  auto apply = [&](const std::string& code, const std::string& value) {
    auto it = vars.find(code);
    if (it == vars.end()) return;
    for (const Var& var : it->second) {
      const std::size_t w = var.bitNames.size();
      // Vectors may be written short: extend with 0, or with x/z when that is the leading digit.
      char pad = !value.empty() && (value[0] == 'x' || value[0] == 'z' || value[0] == 'X' || value[0] == 'Z') ? value[0] : '0';
      for (std::size_t i = 0; i < w; ++i) {
        char v = i < value.size() ? value[value.size() - 1 - i] : pad;
        v = static_cast<char>(std::tolower(static_cast<unsigned char>(v)));
        setBit(var.bitNames[i], v == '0' || v == '1' ? v : 'x');
      }
    }
  };

  auto noteChange = [&] {
    ++act.changeTimes;
    if (act.lastChange >= 0 && now > act.lastChange) {
      const double gap = now - act.lastChange;
      if (act.minGap == 0 || gap < act.minGap) act.minGap = gap;
    }
    if (act.firstChange < 0) act.firstChange = now;
    act.lastChange = now;
  };

  for (std::string_view lv : splitLines(text)) {
    std::string_view line = trim(lv);
    if (line.empty()) continue;
    if (line[0] == '$') {
      if (startsWith(line, "$var")) {
        std::istringstream in{std::string(line)};
        std::string kw, type, code, ref, range;
        int width = 1;
        in >> kw >> type >> width >> code >> ref >> range;
        if (range == "$end") range.clear();
        if (type == "real" || type == "event") continue;
        vars[code].push_back({bitNamesOf(ref, range, width)});
        for (const auto& b : vars[code].back().bitNames) act.bits[b];
        sawDefinitions = true;
      }
      continue;  // $scope, $dumpvars, $end and friends carry no values
    }
    if (line[0] == '#') {
      if (changedNow) noteChange();
      changedNow = false;
      now = std::strtod(std::string(line.substr(1)).c_str(), nullptr);
      act.endTime = now;
      continue;
    }
    const char c = line[0];
    if (c == 'b' || c == 'B') {
      auto space = line.find(' ');
      if (space == std::string_view::npos) continue;
      apply(std::string(trim(line.substr(space + 1))), std::string(line.substr(1, space - 1)));
    } else if (c == 'r' || c == 'R') {
      continue;
    } else if (c == '0' || c == '1' || c == 'x' || c == 'X' || c == 'z' || c == 'Z') {
      apply(std::string(line.substr(1)), std::string(1, c));
    }
  }
  if (changedNow) noteChange();
  if (!sawDefinitions) return makeError(ErrorCode::Parse, "VCD: no $var declarations");
  for (auto& [bit, s] : state)
    if (s.value == '1') act.bits[bit].highTime += act.endTime - s.since;
  return act;
}

}  // namespace rtlarena::synth
