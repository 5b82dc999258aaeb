// What the flow needs to know about a synthesized design's interface: its ports, which input
// ports clock flip-flops, and how many flip-flop bits it has. Read from Yosys's JSON of the
// generic (library-independent) netlist.
#pragma once

#include <string>
#include <vector>

#include "rtlarena/core/result.h"

namespace rtlarena::synth {

struct PortInfo {
  std::string name;
  bool input = false;
  bool output = false;
  int width = 1;
  int offset = 0;     ///< index of the first bit ([7:0] -> 0)
  bool upto = false;  ///< declared [0:7]
  /// Name of bit i as OpenSTA and VCD see it: "a" for 1-bit ports, "a[3]" otherwise.
  std::string bitName(int i) const;
  /// Verilog index of bit i.
  int bitIndex(int i) const { return upto ? offset + width - 1 - i : offset + i; }
};

struct NetlistInfo {
  std::vector<PortInfo> ports;
  std::vector<std::string> clockPorts;  ///< input ports driving flip-flop clocks, most-used first
  int flops = 0;                        ///< flip-flop bits
  int latches = 0;                      ///< latch bits
  bool hasInputs() const;
};

/// Parses `write_json` output of the generic netlist for module `top`.
Result<NetlistInfo> parseNetlistJson(const std::string& json, const std::string& top);

}  // namespace rtlarena::synth
