// The Yosys script and the readers of its log and statistics. The script is the documented
// flow (docs/PPA.md); `rtlarena synth --print-script` prints it so a user can run it by hand.
#include "rtlarena/synth/yosys.h"

#include <cstdlib>
#include <regex>
#include <sstream>

#include "rtlarena/core/text.h"

namespace rtlarena::synth {

std::string yosysScript(const std::vector<std::string>& files, const std::string& top,
                        const std::string& liberty) {
  std::ostringstream s;
  s << "# rtlarena " << kFlowVersion << ": synthesis to the standard cells of " << liberty << "\n";
  for (const auto& f : files) s << "read_verilog -sv " << f << "\n";
  s << "synth -flatten -top " << top << "\n"
    << "write_json " << kGenericJson << "\n"
    << "dfflibmap -liberty " << liberty << "\n"
    << "abc -liberty " << liberty << "\n"
    << "opt_clean\n"
    << "tee -q -o " << kStatFile << " stat -liberty " << liberty << "\n"
    << "write_verilog -noattr -noexpr -nohex -nodec -simple-lhs " << kNetlist << "\n";
  return s.str();
}

namespace {

void addUnique(std::vector<std::string>& v, const std::string& x) {
  for (const auto& y : v)
    if (y == x) return;
  v.push_back(x);
}

// "\TopModule.\q" -> "q"; "\TopModule.$auto$..." stays as is.
std::string signalName(std::string s) {
  if (auto dot = s.find('.'); dot != std::string::npos) s = s.substr(dot + 1);
  if (!s.empty() && s[0] == '\\') s = s.substr(1);
  return s;
}

std::string classifyError(const std::string& msg) {
  if (contains(msg, "syntax error")) return "syntax_error";
  if (contains(msg, "is not part of the design")) return "unknown_module";
  if (contains(msg, "not found!") && contains(msg, "Module")) return "no_top";
  if (contains(msg, "Out of memory") || contains(msg, "bad_alloc")) return "out_of_memory";
  return "elaboration_error";
}

}  // namespace

YosysFindings parseYosysLog(const std::string& log) {
  static const std::regex latchRe(R"(Latch inferred for signal `([^']+)')");
  static const std::regex taskRe(R"(System task `(\$[A-Za-z0-9_$]+)')");
  static const std::regex areaRe(R"(Area for cell type (\S+) is unknown)");
  YosysFindings f;
  int evidenceLines = 0;
  bool inLoop = false;  // the indented cell/wire lines after "found logic loop" belong to it
  auto keep = [&](const std::string& line) {
    if (evidenceLines++ < 16) f.evidence += line + "\n";
  };
  for (std::string_view lineView : splitLines(log)) {
    std::string line(lineView);
    std::smatch m;
    if (inLoop && startsWith(line, "    ")) {
      keep(line);
      continue;
    }
    inLoop = false;
    if (!f.error) {
      auto pos = line.find("ERROR: ");
      if (pos != std::string::npos) {
        f.error = true;
        f.errorMessage = std::string(trim(line));
        f.errorClass = classifyError(line);
        continue;
      }
    }
    if (std::regex_search(line, m, latchRe)) {
      addUnique(f.latches, signalName(m[1].str()));
      keep(line);
    } else if (contains(line, "found logic loop")) {
      f.combLoop = inLoop = true;
      keep(line);
    } else if (std::regex_search(line, m, taskRe)) {
      addUnique(f.systemTasks, m[1].str());
      keep(line);
    } else if (std::regex_search(line, m, areaRe)) {
      addUnique(f.unmappedCells, m[1].str());
      keep(line);
    }
  }
  return f;
}

CellStats parseStat(const std::string& text, const std::string& top) {
  CellStats st;
  bool inTop = false, inCells = false;
  const std::string header = "=== " + top + " ===";
  const std::string areaKey = "Chip area for module '\\" + top + "':";
  for (std::string_view lv : splitLines(text)) {
    std::string_view line = trim(lv);
    if (startsWith(line, "===")) {
      inTop = line == header;
      inCells = false;
      continue;
    }
    if (!inTop) continue;
    if (startsWith(line, "Number of cells:")) {
      st.cells = std::atoi(std::string(line.substr(16)).c_str());
      inCells = true;
      continue;
    }
    if (startsWith(line, areaKey)) {
      st.areaUm2 = std::strtod(std::string(line.substr(areaKey.size())).c_str(), nullptr);
      st.found = true;
      inCells = false;
      continue;
    }
    if (inCells) {
      // "AND2X1    12"; a blank line or another heading ends the list.
      auto space = line.find_first_of(" \t");
      if (line.empty() || space == std::string_view::npos) {
        inCells = false;
        continue;
      }
      std::string name(line.substr(0, space));
      std::string count(trim(line.substr(space)));
      if (count.empty() || !std::isdigit(static_cast<unsigned char>(count[0]))) {
        inCells = false;
        continue;
      }
      st.cellTypes[name] = std::atoi(count.c_str());
    }
  }
  return st;
}

}  // namespace rtlarena::synth
