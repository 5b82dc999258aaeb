// Word-level mutation operators, after TheHuzz (AFL's operators applied to 32-bit
// instruction words). In: a Program and an Rng. Out: a mutated copy. "Data" operators keep
// the opcode bits and change operands/immediates; "opcode" operators change what the
// instruction is; TheHuzz draws data operators 85% of the time.
#pragma once

#include <string_view>
#include <vector>

#include "rtlarena/fuzz/generator.h"
#include "rtlarena/fuzz/program.h"
#include "rtlarena/fuzz/rng.h"

namespace rtlarena::fuzz {

enum class Mutation {
  BitFlip1, BitFlip2, BitFlip4, ByteFlip, Arith, RandomByte, Interesting,  // data
  OpcodeOverwrite, Delete, Clone, Swap, Insert, Splice,                     // opcode/structure
  Count_,
};

std::string_view mutationName(Mutation m);

struct MutatorOptions {
  double dataShare = 0.85;
  unsigned maxStack = 3;        ///< operators applied per mutant: 1..maxStack
  unsigned protectPrefix = 0;   ///< leading words (register set-up) data operators still may change, opcode ones not
  unsigned maxBodyWords = 256;
};

class Mutator {
 public:
  Mutator(const Generator& generator, MutatorOptions options = {});
  /// A mutated copy; `other` (may be null) is the donor for Splice.
  Program mutate(const Program& p, Rng& rng, const Program* other = nullptr) const;
  /// Applies exactly one operator.
  void apply(Mutation m, Program& p, Rng& rng, const Program* other) const;

 private:
  const Generator& gen_;
  MutatorOptions options_;
};

}  // namespace rtlarena::fuzz
