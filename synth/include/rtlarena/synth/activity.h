// Switching activity from the design's own simulation: the harness adds a probe module that
// dumps the DUT instance's input ports to a VCD while the task's testbench runs (the candidate
// itself may not contain system tasks), then toggle rates per input bit are measured per clock
// cycle (clocked designs) or per input vector (combinational designs).
#pragma once

#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/core/sandbox.h"
#include "rtlarena/synth/netlist.h"
#include "rtlarena/synth/sta.h"
#include "rtlarena/synth/vcd.h"
#include "rtlarena/tasks/task.h"

namespace rtlarena::synth {

/// What to simulate: design + testbench sources, and where the design sits in the hierarchy.
struct ActivityProbe {
  std::vector<SourceFile> sources;       ///< the design, other modules, the testbench
  std::vector<SourceFile> supportFiles;  ///< data files the testbench reads
  std::string tbTop = "tb";
  std::string dutPath;                   ///< hierarchical name of the design instance, "tb.dut"
  SimLimits limits;
};

struct ActivityResult {
  bool measured = false;         ///< false: use the default activity; `note` says why
  std::vector<BitActivity> bits;
  long long cycles = 0;          ///< clock cycles or input vectors the rates are relative to
  std::string note;
  double seconds = 0;
};

/// The instance name of `module` in a testbench ("dut" in `TopModule dut(...)`), or "".
std::string findInstance(const std::string& testbench, const std::string& module);

/// The probe for a task: the candidate with the task's testbench (and reference), the DUT
/// instance found in the testbench. Empty dutPath when no instance of task.top is found.
ActivityProbe taskActivityProbe(const Task& task, const std::string& code);

/// The Verilog of the probe module (a second top level next to the testbench).
std::string probeModule(const std::string& dutPath, const NetlistInfo& netlist);

/// Rates per input bit from a parsed VCD. Clock ports get no entry (the clock defines them).
ActivityResult activityFromVcd(const VcdActivity& vcd, const NetlistInfo& netlist);

/// Runs the probe with Icarus in `jobDir` (sandboxed). A simulation that fails is a result with
/// measured = false; Error only for harness failures.
Result<ActivityResult> measureActivity(const ActivityProbe& probe, const NetlistInfo& netlist,
                                       const std::string& jobDir, const SandboxConfig& sandbox);

}  // namespace rtlarena::synth
