// Timing and power step: the OpenSTA script for a mapped netlist and the reading of its
// reports. Clocked designs get a clock on each clock port; combinational ones a virtual clock,
// so "delay" is input-to-output. Inputs and outputs are constrained to that clock with zero
// external delay, so the critical path is the longest of input->flop, flop->flop, flop->output
// and input->output.
#pragma once

#include <string>
#include <vector>

#include "rtlarena/synth/flow_settings.h"
#include "rtlarena/synth/netlist.h"

namespace rtlarena::synth {

inline constexpr const char* kStaScript = "sta.tcl";

/// Switching activity of one input bit, in toggles per clock period.
struct BitActivity {
  std::string bit;       ///< "a[3]" or "en"
  double activity = 0;   ///< transitions per clock period
  double duty = 0.5;     ///< fraction of time at 1
};

std::string staScript(const NetlistInfo& netlist, const std::string& top, const PpaSettings& settings,
                      const std::string& liberty, const std::vector<BitActivity>& activity);

struct StaFigures {
  bool timed = false;   ///< a worst slack was reported for a constrained path
  double slackNs = 0;
  double powerW = 0;
  bool powerFound = false;
  std::string startpoint;
  std::string endpoint;
  std::vector<std::string> errors;  ///< "Error: ..." lines
};

StaFigures parseStaOutput(const std::string& out);

}  // namespace rtlarena::synth
