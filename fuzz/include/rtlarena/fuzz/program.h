// A test program and the memory frame it runs in. In: a Program (instruction words and data
// words) and a Layout derived from the core's config. Out: the full memory image that both
// the DUT and the ISA model start from.
//
// The frame: at reset_pc, code that zeroes x1..x31 when the core does not reset them, then
// jumps to the body; at mtvec, a handler that skips the trapping instruction (mepc += 4,
// preserving x31 through mscratch) so one illegal word does not end a test; the body at
// bodyBase followed by an ecall; data at dataBase; every other word is `ecall`, so a wild
// jump ends the test at once instead of running to the cycle limit.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "rtlarena/fuzz/core_config.h"

namespace rtlarena::fuzz {

struct Program {
  std::vector<uint32_t> body;  ///< instruction words from bodyBase on
  std::vector<uint32_t> data;  ///< data words from dataBase on
  bool operator==(const Program&) const = default;
};

inline constexpr uint32_t kEcall = 0x00000073;
inline constexpr uint32_t kEbreak = 0x00100073;

struct Layout {
  uint32_t resetPc = 0;
  uint32_t handler = 0x100;    ///< mtvec at reset
  uint32_t bodyBase = 0x400;
  uint32_t dataBase = 0x8000;
  uint32_t memWords = 16384;
  uint32_t maxBodyWords = 7936;
  uint32_t maxDataWords = 1024;
  bool zeroRegs = false;
  bool vectorTraps = true;
  bool handlerUsesMscratch = true;
};

/// The layout for a core; Error when its reset pc, mtvec and memory size leave no room.
Result<Layout> layoutFor(const CoreConfig& core);

/// The frame without a program (body empty).
std::vector<uint32_t> frameImage(const Layout& layout);
/// Writes the program into a copy of the frame. Words beyond the limits are dropped.
void placeProgram(const Layout& layout, const Program& program, std::vector<uint32_t>& image);

/// Text form: "# comment" lines, then "body" / "data" sections of hex words, one per line.
std::string programToText(const Program& program, const Layout* layout = nullptr);
/// Words as `$readmemh` reads them: eight hex digits per line.
std::string readmemhText(const std::vector<uint32_t>& words);
Result<Program> programFromText(const std::string& text);

}  // namespace rtlarena::fuzz
