// Synthesis step: the Yosys script (flatten, map flip-flops and logic to the liberty, report
// area) and the reading of its log into figures or a verdict.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "rtlarena/synth/flow_settings.h"
#include "rtlarena/synth/ppa_report.h"

namespace rtlarena::synth {

/// File names the step writes and reads inside the job directory.
inline constexpr const char* kYosysScript = "synth.ys";
inline constexpr const char* kYosysLog = "synth.log";
inline constexpr const char* kStatFile = "stat.txt";
inline constexpr const char* kGenericJson = "generic.json";
inline constexpr const char* kNetlist = "netlist.v";

/// The script, in the order the figures depend on: read, generic synthesis with flattening
/// (synth ends with `check`, which then sees loops in one module), the generic netlist as JSON (ports,
/// clock, flip-flop count, independent of the library), flip-flops to library cells before
/// ABC maps the logic (ABC must see the flops' boundaries), statistics, then the netlist for STA.
std::string yosysScript(const std::vector<std::string>& files, const std::string& top,
                        const std::string& liberty);

struct YosysFindings {
  bool error = false;
  std::string errorClass;    ///< syntax_error | unknown_module | no_top | elaboration_error
  std::string errorMessage;
  std::vector<std::string> latches;  ///< signals for which a latch was inferred
  bool combLoop = false;
  std::vector<std::string> systemTasks;  ///< "$display" ... dropped by the front end
  std::vector<std::string> unmappedCells;  ///< cell types with unknown area
  std::string evidence;  ///< the log lines behind a latch, loop or system-task finding
};

/// Reads errors and warnings from the Yosys log.
YosysFindings parseYosysLog(const std::string& log);

struct CellStats {
  bool found = false;
  double areaUm2 = 0;
  int cells = 0;
  std::map<std::string, int> cellTypes;
};

/// Reads `stat -liberty` output for the top module.
CellStats parseStat(const std::string& text, const std::string& top);

}  // namespace rtlarena::synth
