// Lockstep comparison of one RVFI retirement against the ISA model's prediction. In: the
// model's step and the core's RVFI record. Out: nothing, or the first field that differs,
// in a fixed order (pc, insn, trap, rd, memory, next pc, operands, RVFI protocol) so that a
// bug is always reported under the same name.
#pragma once

#include <optional>
#include <string>

#include "rtlarena/fuzz/isa_model.h"
#include "rtlarena/fuzz/rvfi.h"

namespace rtlarena::fuzz {

struct Divergence {
  std::string field;    ///< "pc", "insn", "trap", "rd", "mem", "pc_next", "rs1", "rs2", "rvfi", "hang", "halt"
  std::string message;  ///< one line, expected vs actual
  Rvfi expected{};
  Rvfi actual{};
  uint64_t index = 0;   ///< retirement number in the test (0-based)
  /// A stable name for de-duplication: field and the expected instruction's mnemonic.
  std::string signature() const;
};

struct CompareOptions {
  bool checkOperands = true;   ///< rs1/rs2 values of instructions that read them
  bool checkTrapPcNext = false;  ///< pc_wdata of trapping instructions (often unspecified)
};

/// The first difference, or nothing. `index` is stored in the result.
std::optional<Divergence> compareRetirement(const ModelStep& expected, const Rvfi& actual,
                                            uint64_t index, const CompareOptions& options = {});

/// "pc=0x... insn=0x... (addi a0, a0, 1) rd=x10:0x... mem=..." for reports.
std::string describeRetirement(const Rvfi& r);

}  // namespace rtlarena::fuzz
