// The operators. Positions are drawn over the body; 1 in 8 data operators hits a data word
// instead, so loads see new values too.
#include "rtlarena/fuzz/mutators.h"

#include <algorithm>
#include <array>

namespace rtlarena::fuzz {

namespace {
constexpr std::array<std::string_view, static_cast<size_t>(Mutation::Count_)> kNames = {
    "bitflip1", "bitflip2", "bitflip4", "byteflip", "arith", "random_byte", "interesting",
    "opcode", "delete", "clone", "swap", "insert", "splice"};

// Bits 6:0 (opcode) are left to the opcode operators.
uint32_t operandBit(Rng& rng) { return 7 + rng.below(25); }
}  // namespace

std::string_view mutationName(Mutation m) { return kNames[static_cast<size_t>(m)]; }

Mutator::Mutator(const Generator& generator, MutatorOptions options) : gen_(generator), options_(options) {}

void Mutator::apply(Mutation m, Program& p, Rng& rng, const Program* other) const {
  if (p.body.empty()) {
    p.body.push_back(gen_.randomInstruction(rng));
    return;
  }
  const bool dataOp = m <= Mutation::Interesting;
  std::vector<uint32_t>& words = dataOp && !p.data.empty() && rng.below(8) == 0 ? p.data : p.body;
  const bool isData = &words == &p.data;
  const auto n = static_cast<uint32_t>(words.size());
  const uint32_t i = rng.below(n);
  uint32_t& w = words[i];
  auto anyBit = [&] { return isData ? rng.below(32) : operandBit(rng); };
  switch (m) {
    case Mutation::BitFlip1: w ^= 1u << anyBit(); break;
    case Mutation::BitFlip2: w ^= 3u << std::min(anyBit(), 30u); break;
    case Mutation::BitFlip4: w ^= 0xfu << std::min(anyBit(), 28u); break;
    case Mutation::ByteFlip: {
      const uint32_t byte = isData ? rng.below(4) : 1 + rng.below(3);
      w ^= 0xffu << (8 * byte);
      break;
    }
    case Mutation::Arith: {
      // +-1..35 on one byte (TheHuzz's arithmetic range), carries stay in the byte
      const uint32_t byte = isData ? rng.below(4) : 1 + rng.below(3);
      const uint32_t sh = 8 * byte;
      uint32_t b = (w >> sh) & 0xff;
      const uint32_t delta = 1 + rng.below(35);
      b = rng.chance(0.5) ? b + delta : b - delta;
      w = (w & ~(0xffu << sh)) | ((b & 0xff) << sh);
      break;
    }
    case Mutation::RandomByte: {
      const uint32_t byte = isData ? rng.below(4) : 1 + rng.below(3);
      w = (w & ~(0xffu << (8 * byte))) | (rng.below(256) << (8 * byte));
      break;
    }
    case Mutation::Interesting:
      if (isData) w = gen_.interestingValue(rng);
      else w = (w & 0x000fffffu) | ((gen_.interestingValue(rng) & 0xfff) << 20);  // imm[11:0] / rs2+funct7
      break;
    case Mutation::OpcodeOverwrite: {
      // keep rd/rs1/rs2 fields, take opcode and funct fields from a fresh valid instruction
      const uint32_t donor = gen_.randomInstruction(rng);
      const uint32_t keep = 0x000f8f80u;  // rd (11:7) and rs1 (19:15)
      w = (w & keep) | (donor & ~keep);
      break;
    }
    case Mutation::Delete:
      if (n > 1 && i >= options_.protectPrefix) words.erase(words.begin() + i);
      break;
    case Mutation::Clone:
      if (n < options_.maxBodyWords) {
        const uint32_t copy = words[i];
        words.insert(words.begin() + rng.below(n + 1), copy);
      }
      break;
    case Mutation::Swap: std::swap(words[i], words[rng.below(n)]); break;
    case Mutation::Insert:
      if (n < options_.maxBodyWords) words.insert(words.begin() + rng.below(n + 1), gen_.randomInstruction(rng));
      break;
    case Mutation::Splice: {
      if (!other || other->body.empty()) {
        w = gen_.randomInstruction(rng);
        break;
      }
      // first part of this body, second part of the donor's (AFL's splice)
      const uint32_t cut = rng.below(n + 1);
      const auto ob = static_cast<uint32_t>(other->body.size());
      const uint32_t from = rng.below(ob);
      std::vector<uint32_t> out(words.begin(), words.begin() + cut);
      out.insert(out.end(), other->body.begin() + from, other->body.end());
      if (out.size() > options_.maxBodyWords) out.resize(options_.maxBodyWords);
      if (!out.empty()) words = std::move(out);
      break;
    }
    default: break;
  }
}

Program Mutator::mutate(const Program& p, Rng& rng, const Program* other) const {
  Program out = p;
  const unsigned stack = 1 + rng.below(std::max(1u, options_.maxStack));
  for (unsigned k = 0; k < stack; ++k) {
    Mutation m;
    if (rng.chance(options_.dataShare))
      m = static_cast<Mutation>(rng.below(static_cast<uint32_t>(Mutation::Interesting) + 1));
    else
      m = static_cast<Mutation>(static_cast<uint32_t>(Mutation::OpcodeOverwrite) +
                                rng.below(static_cast<uint32_t>(Mutation::Count_) -
                                          static_cast<uint32_t>(Mutation::OpcodeOverwrite)));
    apply(m, out, rng, other);
  }
  return out;
}

}  // namespace rtlarena::fuzz
