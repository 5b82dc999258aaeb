// The settings of the PPA flow. PpaSettings define the numbers (they are part of the cache
// key); FlowOptions say how the tools run (sandbox, deadlines, programs, cache location).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "rtlarena/core/sandbox.h"

namespace rtlarena::synth {

/// The OSU 0.18 um standard cells from Debian's qflow-tech-osu018.
inline constexpr const char* kDefaultLiberty = "/usr/share/qflow/tech/osu018/osu018_stdcells.lib";

/// Bump when the scripts change in a way that changes numbers: old cache entries then miss.
inline constexpr const char* kFlowVersion = "ppa-flow-1";

struct PpaSettings {
  std::string liberty = kDefaultLiberty;
  double clockPeriodNs = 10.0;       ///< for clocked designs and the virtual clock alike
  double inputActivity = 0.1;        ///< default toggles per clock period of every input bit
  double inputDuty = 0.5;            ///< default fraction of time an input bit is 1
  double inputTransitionNs = 0.1;    ///< slew at every input port
  double outputLoadPf = 0.01;        ///< load on every output port (about one gate input)
};

struct FlowOptions {
  PpaSettings settings;
  SandboxConfig sandbox;
  std::string yosysProgram = "yosys";
  std::string staProgram = "sta";
  std::chrono::milliseconds synthDeadline{120000};
  std::chrono::milliseconds staDeadline{60000};
  std::uint64_t memoryBytes = 4ull << 30;  ///< address space of each tool process
  std::string cacheDir;   ///< "" = no cache
  std::string workRoot;   ///< where job directories are made (default: system temp)
  bool keepJobDirs = false;
};

/// $RTLARENA_CACHE/ppa, else $XDG_CACHE_HOME/rtlarena/ppa, else ~/.cache/rtlarena/ppa.
std::string defaultCacheDir();

}  // namespace rtlarena::synth
