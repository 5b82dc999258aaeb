// Harness-side coverage: points the RTL counters do not see but a processor verifier cares
// about, computed from the ISA model's steps. Each bin family has its own range:
// (operation x trap cause), (CSR x operation x write), read-after-write hazards between
// instruction classes at distance 1 and 2 (the forwarding paths of a pipeline), branch
// outcome, access alignment, and operand classes of ALU and M instructions (zero, one, -1,
// INT_MIN, other), which is where division corner cases live.
#pragma once

#include <cstdint>
#include <vector>

#include "rtlarena/fuzz/isa_model.h"

namespace rtlarena::fuzz {

inline constexpr uint32_t kModelPoints = 4096;

class ModelCoverage {
 public:
  void begin();  ///< start of a test: forget the previous instructions
  /// Appends the points of this step (offset by `base`) to `hits` (duplicates allowed).
  void record(const ModelStep& step, uint32_t base, std::vector<uint32_t>& hits);
  /// "op_trap", "csr", "hazard", "branch", "align", "operands", for reports.
  static const char* family(uint32_t point);

 private:
  Decoded prev_[2];
  bool havePrev_[2] = {false, false};
};

}  // namespace rtlarena::fuzz
