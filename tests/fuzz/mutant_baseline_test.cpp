// The rules that set a mutant's divergences apart from the unmutated core's own: the same
// divergence is the same retirement with the same signature; the select plusarg is swapped.
#include <gtest/gtest.h>

#include "rtlarena/fuzz/inject.h"
#include "rtlarena/fuzz/mutant_baseline.h"

namespace rtlarena::fuzz {
namespace {

Divergence at(uint64_t index, const std::string& field, uint32_t insn) {
  Divergence d;
  d.index = index;
  d.field = field;
  d.expected.insn = insn;
  d.actual.insn = insn;
  return d;
}

constexpr uint32_t kAddi = 0x00150513;  // addi a0, a0, 1
constexpr uint32_t kLw = 0x0002a003;    // lw x0, 0(t0)

TEST(MutantBaseline, TheSameDivergenceIsTheSameRetirementAndSignature) {
  EXPECT_TRUE(sameDivergence(at(4, "rd", kAddi), at(4, "rd", kAddi)));
  EXPECT_FALSE(sameDivergence(at(4, "rd", kAddi), at(5, "rd", kAddi)));   // later retirement
  EXPECT_FALSE(sameDivergence(at(4, "rd", kAddi), at(4, "pc", kAddi)));   // another field
  EXPECT_FALSE(sameDivergence(at(4, "rd", kAddi), at(4, "rd", kLw)));     // another instruction
}

TEST(MutantBaseline, OutcomesAreTheSameWithoutDivergenceOrWithTheSameOne) {
  const Outcome none;
  EXPECT_TRUE(sameOutcome(none, none));
  EXPECT_TRUE(sameOutcome(at(3, "rd", kLw), at(3, "rd", kLw)));
  EXPECT_FALSE(sameOutcome(none, at(3, "rd", kLw)));
  EXPECT_FALSE(sameOutcome(at(3, "rd", kLw), at(4, "rd", kLw)));
}

TEST(MutantBaseline, AMutantsDivergenceIsItsOwnUnlessTheOriginalShowsIt) {
  const Outcome none;
  EXPECT_FALSE(mutantOwnDivergence(none, none));
  EXPECT_FALSE(mutantOwnDivergence(none, at(2, "rd", kLw)));  // masking the core's deviation is no find
  EXPECT_TRUE(mutantOwnDivergence(at(2, "rd", kAddi), none));
  EXPECT_FALSE(mutantOwnDivergence(at(2, "rd", kLw), at(2, "rd", kLw)));
  EXPECT_TRUE(mutantOwnDivergence(at(1, "rd", kAddi), at(2, "rd", kLw)));  // before the core's own
}

TEST(MutantBaseline, TheOriginalRunsWithSelectZeroAndTheOtherPlusargsKept) {
  EXPECT_EQ(originalPlusargs({"+trace", mutantPlusarg(7)}), (std::vector<std::string>{"+trace", mutantPlusarg(0)}));
  EXPECT_EQ(originalPlusargs({}), (std::vector<std::string>{mutantPlusarg(0)}));
}

}  // namespace
}  // namespace rtlarena::fuzz
