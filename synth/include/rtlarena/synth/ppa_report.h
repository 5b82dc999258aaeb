// The PPA report of one design: area, cells, delay, slack, Fmax and power, or a PPA verdict
// (unsynthesizable, synthesis error, timeout, tool crash) with a message and the log tail.
// Outcomes are data: a design Yosys cannot synthesize is a report, never an Error.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "rtlarena/core/result.h"

namespace rtlarena::synth {

enum class PpaStatus {
  Ok,               ///< every figure is valid
  Unsynthesizable,  ///< the design is not hardware: latch, combinational loop, delays, $display
  SynthError,       ///< Yosys rejected the design (syntax, unknown module, missing top)
  Timeout,          ///< a tool ran past its deadline (huge designs)
  ToolCrash,        ///< a tool died (signal, out of memory) or printed nothing usable
  StaError,         ///< OpenSTA could not time the mapped netlist
};

std::string_view ppaStatusName(PpaStatus status);

struct PpaReport {
  PpaStatus status = PpaStatus::ToolCrash;
  std::string cls;      ///< sub-class: latch, comb_loop, initial_timing, system_task, syntax_error...
  std::string message;  ///< one line for humans
  std::string logTail;  ///< the end of the failing tool's log, job paths scrubbed
  std::string top;

  double areaUm2 = 0;   ///< `stat -liberty` chip area of the top module
  int cells = 0;        ///< mapped standard cells
  int flops = 0;        ///< flip-flop bits before mapping
  std::map<std::string, int> cellTypes;

  double clockPeriodNs = 0;
  std::string clockPort;   ///< "" when combinational (a virtual clock times input to output)
  double delayNs = 0;      ///< critical path: clock period minus worst slack
  double slackNs = 0;      ///< worst setup slack at the clock period
  double fmaxMhz = 0;      ///< 1000 / delay; 0 when no path is timed
  double powerUw = 0;      ///< total power (internal + switching + leakage) in microwatts
  std::string criticalPath;      ///< "startpoint -> endpoint"
  std::string activitySource = "default";  ///< default | simulation
  std::string activityNote;      ///< why simulation activity was not used, when it was asked

  double synthSeconds = 0;
  double staSeconds = 0;
  double simSeconds = 0;
  bool cached = false;     ///< served from the cache (timings are the original run's)

  bool ok() const { return status == PpaStatus::Ok; }
};

/// The JSON object documented in docs/PPA.md (area_um2, cells, delay_ns, slack_ns, fmax_mhz,
/// power_uw, status, ...).
std::string ppaToJson(const PpaReport& report);
Result<PpaReport> ppaFromJson(std::string_view json);

}  // namespace rtlarena::synth
