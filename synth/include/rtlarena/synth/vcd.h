// Toggle counting over a VCD file: per-bit transitions and time at 1, the number of clock
// cycles (rising edges of a named clock bit) and of input vectors (timestamps with a change).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "rtlarena/core/result.h"

namespace rtlarena::synth {

struct BitTrace {
  long long toggles = 0;  ///< 0->1 and 1->0 transitions (changes from or to x/z do not count)
  double highTime = 0;    ///< time spent at 1
};

struct VcdActivity {
  std::map<std::string, BitTrace> bits;  ///< by bit name: "a[3]", or "en" for 1-bit signals
  double endTime = 0;                    ///< the last timestamp
  long long changeTimes = 0;             ///< timestamps at which some bit changed value
  double firstChange = -1, lastChange = -1;  ///< first and last of those timestamps
  double minGap = 0;                     ///< shortest time between two of them (0: fewer than two)
  std::map<std::string, long long> risingEdges;  ///< 0->1 transitions per bit
};

/// Parses the value changes of every variable in the file (scopes are ignored: the probe dumps
/// one instance's ports). Error only when the text is not a VCD.
Result<VcdActivity> parseVcd(std::string_view text);

}  // namespace rtlarena::synth
