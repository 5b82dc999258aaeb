// The campaign loop. Stages per pull, in order: select an arm; run its queued tests, each
// test's points counted as new against the arm's and the campaign's maps as they stood
// before it; queue mutants of the tests that paid; feed the mapped reward to the scheduler;
// reset the arm if the gamma rule (gamma pulls without a campaign-new point) or an empty
// queue says so. The reward mapping 1 - exp(-R / scale) keeps every scheduler's input in
// [0, 1] whatever the coverage size.
#include "rtlarena/fuzz/campaign.h"

#include <chrono>
#include <cmath>
#include <deque>

#include "rtlarena/fuzz/encode.h"
#include "rtlarena/fuzz/seed_source.h"

namespace rtlarena::fuzz {

namespace {

struct QueuedTest {
  Program program;
  bool seed = false;
  unsigned age = 0;
};

struct Arm {
  std::deque<QueuedTest> queue;
  CoverageMap local;
  std::deque<bool> recent;  // last gamma pulls: did each find something (gammaCountsLocal)?
  std::vector<double> features;
  double lifeReward = 0;
  uint64_t lifePulls = 0;
  bool alive = false;
};

using Clock = std::chrono::steady_clock;

}  // namespace

Campaign::Campaign(Runner& runner, Scheduler& scheduler, const IsaOptions& isa, CampaignOptions options)
    : runner_(runner), scheduler_(scheduler), isa_(isa), options_(std::move(options)) {}

CampaignResult Campaign::run() {
  const auto start = Clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
  CampaignResult res;
  res.algo = std::string(scheduler_.name());
  res.seed = options_.seed;
  Rng rng(options_.seed);
  const Layout& layout = runner_.layout();
  Generator gen(layout, isa_, options_.generator);
  MutatorOptions mo = options_.mutator;
  mo.maxBodyWords = std::min(mo.maxBodyWords, layout.maxBodyWords);
  mo.protectPrefix = 2 * options_.generator.initRegs;
  Mutator mutator(gen, mo);
  SeedSource seeds(gen, options_.imported);
  res.points = runner_.totalPoints();
  CoverageMap global(res.points);
  std::vector<size_t> mismatchIndex;  // unique mismatches by signature, via linear search (few)
  bool stop = false;
  double lastProgress = 0, lastSample = -1;

  auto armTestCounts = [&] {
    std::vector<uint64_t> counts;
    for (const ArmStats& a : res.arms) counts.push_back(a.tests);
    return counts;
  };
  auto sample = [&](bool force) {
    const double now = elapsed();
    if (!force && now - lastSample < options_.sampleEverySeconds) return;
    lastSample = now;
    res.curve.push_back({res.tests, now, res.cycles, global.count(), res.mismatches, armTestCounts()});
  };
  auto budgetLeft = [&] {
    if (stop) return false;
    if (options_.maxTests && res.tests >= options_.maxTests) return false;
    if (options_.timeSeconds > 0 && elapsed() >= options_.timeSeconds) return false;
    return options_.maxTests || options_.timeSeconds > 0;
  };
  auto recordMismatch = [&](const Program& p, const Divergence& d) {
    if (options_.originalShares && options_.originalShares(p, d)) {
      ++res.sharedWithOriginal;
      return;
    }
    ++res.mismatches;
    const std::string sig = d.signature();
    for (auto& m : res.unique)
      if (m.signature == sig) {
        ++m.count;
        return;
      }
    Mismatch m;
    m.signature = sig;
    m.program = p;
    m.divergence = d;
    m.count = 1;
    m.firstTest = res.tests;
    m.firstSeconds = elapsed();
    res.unique.push_back(std::move(m));
    if (options_.stopOnMismatch) stop = true;
  };
  auto runOne = [&](const Program& p, size_t& newGlobal, CoverageMap* local, size_t& newLocal) {
    TestResult t = runner_.run(p);
    ++res.tests;
    res.retired += t.retired;
    res.cycles += t.cycles;
    newLocal = local ? local->merge(t.hits) : 0;
    newGlobal = global.merge(t.hits);
    if (t.divergence) recordMismatch(p, *t.divergence);
    if (newGlobal) sample(true);
    if (options_.progress && elapsed() - lastProgress >= 1.0) {
      lastProgress = elapsed();
      options_.progress({res.tests, res.retired, res.cycles, lastProgress, global.count(), res.points,
                         res.mismatches, res.unique.size()});
    }
    return t;
  };

  // The NOP baseline: points every test hits (reset, fetch of a plain instruction) earn nothing.
  {
    Program nop;
    nop.body.assign(options_.generator.instructions + 2 * options_.generator.initRegs, rv::nop());
    size_t g = 0, l = 0;
    runOne(nop, g, nullptr, l);
    res.baseline = global.count();
  }

  const QueueLayout shape = scheduler_.queueLayout();
  const unsigned k = std::max(1u, shape.arms ? shape.arms : options_.arms);
  uint64_t mutantsSinceSeeds = 0;
  scheduler_.init(k);
  std::vector<Arm> arms(k);
  res.arms.assign(k, ArmStats{});
  auto reseed = [&](unsigned i, bool initial) {
    Arm& a = arms[i];
    if (a.alive && a.lifePulls) seeds.feedback(a.features, a.lifeReward / static_cast<double>(a.lifePulls));
    SeedSource::Choice c = seeds.next(rng);
    a.queue.clear();
    a.queue.push_back({c.program, true, 0});
    if (shape.seedBatch)  // TheHuzz: a batch of fresh programs
      for (unsigned m = 1; m < shape.seedBatch; ++m) a.queue.push_back({seeds.next(rng).program, true, 0});
    else  // MABFuzz: the family's root and 9 mutants of it
      for (int m = 0; m < 9; ++m) a.queue.push_back({mutator.mutate(c.program, rng, nullptr), false, 1});
    a.local.resize(res.points);
    a.recent.clear();
    a.features = std::move(c.features);
    a.lifeReward = 0;
    a.lifePulls = 0;
    a.alive = true;
    if (c.imported) ++res.arms[i].importedSeeds;
    if (!initial) {
      scheduler_.resetArm(i);
      ++res.arms[i].resets;
    }
  };
  for (unsigned i = 0; i < k; ++i) reseed(i, true);

  while (budgetLeft()) {
    const unsigned ai = scheduler_.select(rng);
    Arm& a = arms[ai];
    ArmStats& st = res.arms[ai];
    double raw = 0;
    size_t pullGlobalNew = 0;
    uint64_t pullCycles = 0;
    for (unsigned j = 0; j < options_.pullSize && !a.queue.empty() && budgetLeft(); ++j) {
      QueuedTest t = std::move(a.queue.front());
      a.queue.pop_front();
      size_t newGlobal = 0, newLocal = 0;
      const uint64_t before = res.cycles;
      runOne(t.program, newGlobal, &a.local, newLocal);
      pullCycles += res.cycles - before;
      ++st.tests;
      st.globalNew += newGlobal;
      pullGlobalNew += newGlobal;
      raw += options_.alpha * static_cast<double>(newLocal) + (1 - options_.alpha) * static_cast<double>(newGlobal);
      if (newGlobal) res.corpus.push_back(t.program);
      // TheHuzz's budget: tests that paid get up to 10 mutants, fewer as they age and the
      // queue fills; unproductive fresh seeds get 0..5.
      int n = newGlobal ? 10 : newLocal ? 5 : t.seed ? static_cast<int>(rng.below(6)) : 0;
      n -= static_cast<int>(t.age / 2 + a.queue.size() * 10 / std::max(1u, options_.queueCap));
      if (newGlobal || newLocal) n = std::max(n, 1);
      for (int m = 0; m < n && a.queue.size() < options_.queueCap; ++m) {
        const Program* donor = res.corpus.empty() ? nullptr : &res.corpus[rng.below(static_cast<uint32_t>(res.corpus.size()))];
        a.queue.push_back({mutator.mutate(t.program, rng, donor), false, t.age + 1});
        ++mutantsSinceSeeds;
      }
      if (shape.injectSeedsEvery && mutantsSinceSeeds > shape.injectSeedsEvery) {
        for (unsigned m = 0; m < std::max(1u, shape.seedBatch); ++m) a.queue.push_back({seeds.next(rng).program, true, 0});
        mutantsSinceSeeds = 0;
      }
    }
    double mapped = raw;
    if (options_.rewardPerCycle) mapped = raw / std::max(1.0, static_cast<double>(pullCycles) / 1000.0);
    const double r = 1.0 - std::exp(-mapped / options_.rewardScale);
    scheduler_.update(ai, r);
    ++st.pulls;
    st.reward += r;
    st.rawReward += raw;
    a.lifeReward += r;
    ++a.lifePulls;
    a.recent.push_back(options_.gammaCountsLocal ? raw > 0 : pullGlobalNew > 0);
    while (a.recent.size() > options_.gamma) a.recent.pop_front();
    bool plateau = scheduler_.plateauResets() && a.recent.size() >= options_.gamma;
    for (bool found : a.recent) plateau = plateau && !found;
    if (plateau || a.queue.empty()) reseed(ai, false);
    sample(false);
  }

  res.seconds = elapsed();
  res.coverage = global.count();
  res.curve.push_back({res.tests, res.seconds, res.cycles, global.count(), res.mismatches, armTestCounts()});
  auto est = scheduler_.estimates();
  for (unsigned i = 0; i < k && i < est.size(); ++i) res.arms[i].estimate = est[i];
  res.importedChosen = seeds.importedChosen();
  res.freshChosen = seeds.freshChosen();
  res.covered.resize(res.points);
  for (size_t i = 0; i < res.points; ++i) res.covered[i] = global.test(static_cast<uint32_t>(i));
  if (options_.progress)
    options_.progress({res.tests, res.retired, res.cycles, res.seconds, res.coverage, res.points,
                       res.mismatches, res.unique.size()});
  return res;
}

}  // namespace rtlarena::fuzz
