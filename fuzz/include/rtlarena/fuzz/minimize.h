// Reduces a diverging test to a small reproducer. In: the runner, the program and the
// signature of its divergence. Out: a program that still diverges with the same signature,
// usually a handful of instructions. Steps, cheapest first: cut the body after the point of
// divergence; replace ever smaller chunks with NOPs (addresses stay put, so branch targets
// keep their meaning); delete the NOPs; drop the data words that do not matter.
#pragma once

#include <string>

#include "rtlarena/fuzz/program.h"
#include "rtlarena/fuzz/runner.h"

namespace rtlarena::fuzz {

struct MinimizeOptions {
  double seconds = 10;
  unsigned maxRuns = 5000;
};

struct MinimizeResult {
  Program program;
  Divergence divergence;
  unsigned runs = 0;
  bool reproduced = false;  ///< the input diverged with the signature at all
};

MinimizeResult minimize(Runner& runner, const Program& program, const std::string& signature,
                        const MinimizeOptions& options = {});

}  // namespace rtlarena::fuzz
