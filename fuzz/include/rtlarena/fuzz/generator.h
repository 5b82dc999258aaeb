// Random test programs biased towards valid RV32IM + Zicsr instructions. In: the layout
// (where data lives), the core's CSRs and an Rng. Out: a Program whose body starts by
// loading interesting values (0, -1, INT_MIN, pointers into the data area, ...) into a few
// registers, then N random instructions drawn by class weights from a small pool of "hot"
// registers, so that consecutive instructions depend on each other (the forwarding and
// stall paths of a pipeline); branches and jumps go mostly forward, so most tests end.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "rtlarena/fuzz/decode.h"
#include "rtlarena/fuzz/isa_options.h"
#include "rtlarena/fuzz/program.h"
#include "rtlarena/fuzz/rng.h"

namespace rtlarena::fuzz {

struct GeneratorOptions {
  unsigned instructions = 20;  ///< random instructions after the register set-up
  unsigned initRegs = 6;       ///< registers given interesting values first
  unsigned dataWords = 32;
  unsigned hotRegs = 6;        ///< size of the per-program register pool
  double randomWordRate = 0.02;  ///< share of fully random (mostly illegal) words
  /// Weight per OpClass (Upper, Jump, Branch, Load, Store, AluImm, Alu, MulDiv, Csr,
  /// System, Fence, Illegal); Illegal means "random word".
  std::array<double, static_cast<size_t>(OpClass::Count_)> weights = {5, 3, 10, 10, 8, 14, 14, 10, 8, 2, 2, 0};
  /// Spread of the per-program instruction mix: each generated program (a seed family's
  /// root) multiplies every class weight by exp(familySpread * N(0,1)), so families differ
  /// in what they exercise (one leans on loads and stores, another on CSRs or division) and
  /// a scheduler has something to learn. 0 gives every program the same mix.
  double familySpread = 1.0;
};

class Generator {
 public:
  Generator(const Layout& layout, const IsaOptions& isa, GeneratorOptions options = {});

  Program generate(Rng& rng) const;
  /// One random instruction of any class (used by the insert mutator).
  uint32_t randomInstruction(Rng& rng) const;
  /// One random instruction of the class.
  uint32_t instructionOfClass(OpClass cls, Rng& rng) const;
  /// An interesting 32-bit value (corner cases, small numbers, data pointers).
  uint32_t interestingValue(Rng& rng) const;
  const GeneratorOptions& options() const { return options_; }

 private:
  unsigned pickReg(Rng& rng) const;
  uint32_t pointer(Rng& rng) const;
  Layout layout_;
  std::vector<uint16_t> csrs_;
  GeneratorOptions options_;
  mutable std::vector<unsigned> hot_;  // refreshed per generated program
};

}  // namespace rtlarena::fuzz
