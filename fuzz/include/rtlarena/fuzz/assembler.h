// RV32IM + Zicsr text assembler: turns GNU-style assembly source into instruction words.
// In: source text (labels, ABI or xN register names, base/M/Zicsr instructions, the common
// pseudo-instructions, directives .word/.org/.align/.space). Out: the words from the base
// address on, a symbol table, or the first error with its line and column. Never throws;
// std-only so it also builds standalone (`g++ -std=c++20`). Syntax: docs/CORE_ADAPTER.md.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rtlarena::fuzz {

/// Options for assemble().
struct AssembleOptions {
  uint32_t base = 0;  ///< byte address of the first word (labels and `.` are absolute)
};

/// Result of assemble(): the words, or an error. Problems in the input are data, not throws.
struct AssembleResult {
  std::vector<uint32_t> words;              ///< word i lives at base + 4*i
  std::vector<int> lines;                   ///< source line of each word (0 for padding)
  std::map<std::string, uint32_t> symbols;  ///< label -> byte address
  std::string error;                        ///< "line L, column C: message"; empty if ok
  int errorLine = 0;                        ///< 1-based; 0 when ok
  int errorColumn = 0;                      ///< 1-based; 0 when ok
  bool ok() const { return error.empty(); }
};

/// Assemble a whole program. Two passes: sizes and labels, then encoding.
AssembleResult assemble(std::string_view source, const AssembleOptions& options = {});

/// Register number for "x0".."x31" or an ABI name ("zero", "ra", "sp", "a0", "fp", ...).
std::optional<unsigned> parseRegister(std::string_view name);

/// CSR address for a standard machine/user CSR name ("mstatus", "mcycle", ...).
std::optional<unsigned> csrAddress(std::string_view name);

}  // namespace rtlarena::fuzz
