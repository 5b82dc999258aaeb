// Weighted random instruction selection; see generator.h for the biases and why.
#include "rtlarena/fuzz/generator.h"

#include <cmath>

#include "rtlarena/fuzz/encode.h"

namespace rtlarena::fuzz {

namespace {
int32_t signExtend12(uint32_t v) { return static_cast<int32_t>(v << 20) >> 20; }
}  // namespace

Generator::Generator(const Layout& layout, const IsaOptions& isa, GeneratorOptions options)
    : layout_(layout), csrs_(isa.csrs.begin(), isa.csrs.end()), options_(options) {
  for (unsigned r = 1; r <= options_.hotRegs && r < 32; ++r) hot_.push_back(r);
}

unsigned Generator::pickReg(Rng& rng) const {
  if (rng.chance(0.05)) return 0;
  if (rng.chance(0.85) && !hot_.empty()) return hot_[rng.below(static_cast<uint32_t>(hot_.size()))];
  return 1 + rng.below(31);
}

uint32_t Generator::pointer(Rng& rng) const {
  return layout_.dataBase + 4 * rng.below(std::max(1u, layout_.maxDataWords / 2));
}

uint32_t Generator::interestingValue(Rng& rng) const {
  static constexpr uint32_t corners[] = {0, 1, 2, 0xffffffffu, 0x80000000u, 0x7fffffffu, 0xfffff800u,
                                         0x7ff, 0x800, 31, 32, 0xaaaaaaaau, 0x55555555u, 0xffff, 0x8000};
  switch (rng.below(4)) {
    case 0: return corners[rng.below(sizeof corners / sizeof corners[0])];
    case 1: return pointer(rng) + (rng.chance(0.2) ? rng.below(4) : 0);
    case 2: return static_cast<uint32_t>(static_cast<int32_t>(rng.below(64)) - 32);
    default: return rng.u32();
  }
}

uint32_t Generator::instructionOfClass(OpClass cls, Rng& rng) const {
  const unsigned rd = pickReg(rng), rs1 = pickReg(rng), rs2 = pickReg(rng);
  const int32_t imm12 = rng.chance(0.5) ? static_cast<int32_t>(rng.below(64)) - 32 : signExtend12(rng.below(4096));
  switch (cls) {
    case OpClass::Upper:
      return rng.chance(0.5) ? rv::lui(rd, rng.below(1u << 20)) : rv::auipc(rd, rng.below(16));
    case OpClass::Jump:
      if (rng.chance(0.7)) return rv::jal(rd, 4 * static_cast<int32_t>(1 + rng.below(4)));
      return rv::jalr(rd, rs1, static_cast<int32_t>(rng.below(16)) - 8);
    case OpClass::Branch: {
      int32_t off = rng.chance(0.9) ? 4 * static_cast<int32_t>(1 + rng.below(4))
                                    : -4 * static_cast<int32_t>(1 + rng.below(3));
      if (rng.chance(0.03)) off += 2;  // misaligned target: traps only when taken
      static constexpr unsigned f3[] = {0, 1, 4, 5, 6, 7};
      return encodeB(Opcode::Branch, f3[rng.below(6)], rs1, rs2, off);
    }
    case OpClass::Load:
    case OpClass::Store: {
      static constexpr unsigned loadF3[] = {0, 1, 2, 4, 5};
      const bool load = cls == OpClass::Load;
      const unsigned f3 = load ? loadF3[rng.below(5)] : rng.below(3);
      const unsigned size = 1u << (f3 & 3);
      int32_t off = static_cast<int32_t>(rng.below(64)) - 32;
      if (rng.chance(0.85)) off &= ~static_cast<int32_t>(size - 1);
      return load ? encodeI(Opcode::Load, rd, f3, rs1, off) : encodeS(Opcode::Store, f3, rs1, rs2, off);
    }
    case OpClass::AluImm: {
      const unsigned f3 = rng.below(8);
      if (f3 == 1) return rv::slli(rd, rs1, rng.below(32));
      if (f3 == 5) return rng.chance(0.5) ? rv::srli(rd, rs1, rng.below(32)) : rv::srai(rd, rs1, rng.below(32));
      return encodeI(Opcode::OpImm, rd, f3, rs1, imm12);
    }
    case OpClass::Alu: {
      const unsigned f3 = rng.below(8);
      const bool alt = (f3 == 0 || f3 == 5) && rng.chance(0.5);
      return encodeR(Opcode::Op, rd, f3, rs1, rs2, alt ? 0x20 : 0);
    }
    case OpClass::MulDiv: return encodeR(Opcode::Op, rd, rng.below(8), rs1, rs2, 1);
    case OpClass::Csr: {
      uint16_t c = !csrs_.empty() && rng.chance(0.9) ? csrs_[rng.below(static_cast<uint32_t>(csrs_.size()))]
                                                       : static_cast<uint16_t>(rng.below(4096));
      static constexpr unsigned f3[] = {1, 2, 3, 5, 6, 7};
      unsigned src = rng.chance(0.3) ? 0 : (rng.chance(0.5) ? rs1 : rng.below(32));
      return (static_cast<uint32_t>(c) << 20) | (src << 15) | (f3[rng.below(6)] << 12) | (rd << 7) | 0x73;
    }
    case OpClass::System: {
      static constexpr uint32_t words[] = {0x30200073 /*mret*/, 0x10500073 /*wfi*/, kEbreak, kEcall};
      return words[rng.chance(0.9) ? rng.below(2) : 2 + rng.below(2)];
    }
    case OpClass::Fence: return rng.chance(0.8) ? rv::fence(rng.below(16), rng.below(16)) : 0x0000100f;
    default: return rng.u32();
  }
}

uint32_t Generator::randomInstruction(Rng& rng) const {
  if (rng.chance(options_.randomWordRate)) return rng.u32();
  std::vector<double> w(options_.weights.begin(), options_.weights.end());
  return instructionOfClass(static_cast<OpClass>(rng.weighted(w)), rng);
}

Program Generator::generate(Rng& rng) const {
  // A fresh hot-register pool per program; x1..x31 only.
  hot_.clear();
  while (hot_.size() < options_.hotRegs) {
    unsigned r = 1 + rng.below(31);
    bool dup = false;
    for (unsigned h : hot_) dup = dup || h == r;
    if (!dup) hot_.push_back(r);
  }
  Program p;
  for (unsigned i = 0; i < options_.initRegs; ++i) {
    const unsigned r = i < hot_.size() ? hot_[i] : 1 + rng.below(31);
    const uint32_t v = i < 2 ? pointer(rng) : interestingValue(rng);
    const int32_t lo = signExtend12(v & 0xfff);
    const uint32_t hi = (v - static_cast<uint32_t>(lo)) >> 12;
    p.body.push_back(rv::lui(r, hi));
    p.body.push_back(rv::addi(r, r, lo));
  }
  std::vector<double> w(options_.weights.begin(), options_.weights.end());
  if (options_.familySpread > 0)
    for (double& x : w) x *= std::exp(options_.familySpread * rng.normal());
  for (unsigned i = 0; i < options_.instructions; ++i) {
    if (rng.chance(options_.randomWordRate)) p.body.push_back(rng.u32());
    else p.body.push_back(instructionOfClass(static_cast<OpClass>(rng.weighted(w)), rng));
  }
  for (unsigned i = 0; i < options_.dataWords; ++i) p.data.push_back(interestingValue(rng));
  return p;
}

}  // namespace rtlarena::fuzz
