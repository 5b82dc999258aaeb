// Programs, frames, the generator and the mutators: what they produce and that a seed fixes
// their output.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "rtlarena/fuzz/coverage_map.h"
#include "rtlarena/fuzz/decode.h"
#include "rtlarena/fuzz/generator.h"
#include "rtlarena/fuzz/isa_model.h"
#include "rtlarena/fuzz/mutators.h"
#include "rtlarena/fuzz/program.h"

namespace rtlarena::fuzz {
namespace {

CoreConfig ourCore() {
  CoreConfig c;
  c.name = "test";
  return c;
}

TEST(Frame, ResetJumpsToBodyAndHandlerSkipsTheTrappingInstruction) {
  auto l = layoutFor(ourCore());
  ASSERT_TRUE(l.ok());
  Program p;
  p.body = {0x00000000u /* illegal */, 0x00500513u /* li a0, 5 */};
  p.data = {42};
  auto img = frameImage(*l);
  placeProgram(*l, p, img);
  IsaModel m(IsaOptions{});
  m.loadMemory(img);
  m.reset();
  std::vector<uint32_t> pcs;
  for (int i = 0; i < 20; ++i) {
    ModelStep s = m.step();
    pcs.push_back(s.rvfi.pc_rdata);
    if (s.insn.op == Op::Ecall) break;
  }
  EXPECT_EQ(pcs.front(), 0u);
  EXPECT_EQ(pcs[1], l->bodyBase);
  EXPECT_EQ(pcs[2], l->handler);
  EXPECT_EQ(m.reg(10), 5u);
  EXPECT_EQ(pcs.back(), l->bodyBase + 8);  // the ecall after the body
  EXPECT_EQ(m.loadWord(l->dataBase), 42u);
  EXPECT_EQ(m.reg(31), 0u);  // the handler preserved x31 through mscratch
}

TEST(Frame, CoresWithoutRegisterResetGetZeroingCode) {
  CoreConfig c = ourCore();
  c.regsReset = false;
  auto l = layoutFor(c);
  auto img = frameImage(*l);
  EXPECT_EQ(decode(img[0]).op, Op::Addi);
  EXPECT_EQ(decode(img[31]).op, Op::Jal);
}

TEST(ProgramText, RoundTrips) {
  Program p{{0x00100093u, 0xdeadbeefu}, {1, 2, 3}};
  auto back = programFromText(programToText(p));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, p);
  EXPECT_FALSE(programFromText("body\nxyz\n").ok());
}

TEST(Generator, MostlyValidInstructionsAndDeterministic) {
  auto l = layoutFor(ourCore());
  Generator g(*l, IsaOptions{});
  Rng a(7), b(7);
  Program p = g.generate(a), q = g.generate(b);
  EXPECT_EQ(p, q);
  int legal = 0, total = 0;
  std::set<OpClass> classes;
  for (int i = 0; i < 200; ++i)
    for (uint32_t w : g.generate(a).body) {
      Decoded d = decode(w);
      legal += d.op != Op::Illegal;
      ++total;
      classes.insert(opClass(d.op));
    }
  EXPECT_GT(legal, total * 9 / 10);
  EXPECT_GE(classes.size(), 10u);
  EXPECT_EQ(p.body.size(), 2u * g.options().initRegs + g.options().instructions);
}

// Seed families differ in their instruction mix only when familySpread > 0: the spread of
// the per-program share of memory instructions is several times larger with it.
TEST(Generator, FamilySpreadMakesProgramsDifferInMix) {
  auto l = layoutFor(ourCore());
  auto spreadOfMemoryShare = [&](double spread) {
    GeneratorOptions o;
    o.familySpread = spread;
    o.instructions = 200;
    Generator g(*l, IsaOptions{}, o);
    Rng rng(11);
    double sum = 0, sumSq = 0;
    const int n = 100;
    for (int i = 0; i < n; ++i) {
      Program p = g.generate(rng);
      int mem = 0;
      for (size_t k = 2 * o.initRegs; k < p.body.size(); ++k) {
        OpClass c = opClass(decode(p.body[k]).op);
        mem += c == OpClass::Load || c == OpClass::Store;
      }
      const double share = mem / static_cast<double>(o.instructions);
      sum += share;
      sumSq += share * share;
    }
    const double mean = sum / n;
    return std::sqrt(std::max(0.0, sumSq / n - mean * mean));
  };
  const double alike = spreadOfMemoryShare(0.0), different = spreadOfMemoryShare(1.0);
  EXPECT_LT(alike, 0.05);  // binomial noise only: sqrt(0.18 * 0.82 / 200) ~ 0.027
  EXPECT_GT(different, 3 * alike);
}

TEST(Mutator, EveryOperatorKeepsTheProgramUsable) {
  auto l = layoutFor(ourCore());
  Generator g(*l, IsaOptions{});
  MutatorOptions mo;
  mo.maxBodyWords = 40;
  Mutator m(g, mo);
  Rng rng(3);
  Program base = g.generate(rng), donor = g.generate(rng);
  for (int op = 0; op < static_cast<int>(Mutation::Count_); ++op) {
    int changed = 0;
    for (int k = 0; k < 50; ++k) {
      Program p = base;
      m.apply(static_cast<Mutation>(op), p, rng, &donor);
      EXPECT_FALSE(p.body.empty());
      EXPECT_LE(p.body.size(), 40u);
      changed += !(p == base);
    }
    EXPECT_GT(changed, 25) << mutationName(static_cast<Mutation>(op));
  }
  Rng r1(9), r2(9);
  EXPECT_EQ(m.mutate(base, r1, &donor), m.mutate(base, r2, &donor));
}

TEST(CoverageMap, CountsNewPointsOnce) {
  CoverageMap c(10);
  EXPECT_EQ(c.merge({1, 2, 2, 3, 42}), 3u);
  EXPECT_EQ(c.merge({3, 4}), 1u);
  EXPECT_EQ(c.count(), 4u);
  c.clear();
  EXPECT_FALSE(c.test(1));
}

}  // namespace
}  // namespace rtlarena::fuzz
