// The Verilator backend and the simulators built on choosing between backends. Verilator's own
// runtime (verilated.o, verilated_timing.o, verilated_threads.o and a precompiled header of
// verilated.h) is compiled once per machine into a cache keyed by the Verilator version, the
// compiler version and the flags, and every task's model is linked against it, so a task costs
// the verilation and one C++ compile of its own code.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/eval/simulator.h"

namespace rtlarena {

struct VerilatorRuntime {
  std::string dir;                   ///< the cache directory (read-only once built)
  std::vector<std::string> objects;  ///< runtime objects to link
  std::string pchHeader;             ///< -include this (its .gch sits beside it)
  std::vector<std::string> cxxFlags; ///< flags the runtime and the header were built with
  double buildSeconds = 0;           ///< time spent building it in this call (0 = reused)
};

/// The cache root: $RTLARENA_CACHE, else $XDG_CACHE_HOME/rtlarena, else ~/.cache/rtlarena.
std::string rtlarenaCacheRoot();

/// Returns the prebuilt runtime, building it first when this machine has none. Thread-safe;
/// safe across processes (built in a private directory, then renamed into place).
Result<VerilatorRuntime> verilatorRuntime();

struct VerilatorOptions {
  bool reuseRuntime = true;  ///< false: stock `verilator --binary` (rebuilds the runtime per task)
};

std::unique_ptr<Simulator> makeVerilatorSimulator(VerilatorOptions options = {});

/// `auto`: per job, Icarus for short simulations and Verilator for long ones, from the measured
/// Icarus time of the same testbench when known (a small cache file) or else a prediction from
/// the testbench text. Falls back to Icarus when Verilator cannot build the testbench itself.
std::unique_ptr<Simulator> makeAutoSimulator();

/// The prediction `auto` uses when nothing was measured: simulated clock cycles the testbench
/// asks for (largest repeat/loop count and delay), a rough proxy for Icarus run time.
double predictedCycles(const std::string& testbench);

}  // namespace rtlarena
