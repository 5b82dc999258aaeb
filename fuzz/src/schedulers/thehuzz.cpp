// thehuzz: TheHuzz's static schedule (Kande et al., USENIX Security 2022), the baseline MABFuzz
// measured against. No arms to choose between: one first-in first-out queue of tests, run
// in batches of --pull (TheHuzz simulates 10 at a time); every test that covered something
// new is queued for mutation with the same budget the bandits use (up to 10 mutants, fewer
// as the queue fills and the test ages; a fresh program that found nothing 0..5), with the
// same word-level operators (bit and byte flips, +-35 arithmetic, random byte, interesting
// immediate, opcode overwrite, delete, clone, ...; data operators 85% of the time). The queue
// is refilled with a batch of fresh programs when it runs dry, and a batch of fresh programs
// joins it after every 2,000 mutants (TheHuzz's seed-generation interval), so the schedule
// never depends on what was learnt.
#include "schedulers.h"

namespace rtlarena::fuzz {

namespace {
class TheHuzz final : public Scheduler {
 public:
  std::string_view name() const override { return "thehuzz"; }
  void init(unsigned) override {}
  unsigned select(Rng&) override { return 0; }
  void update(unsigned, double) override {}
  void resetArm(unsigned) override {}
  bool plateauResets() const override { return false; }
  QueueLayout queueLayout() const override { return {1, 10, 2000}; }
  std::vector<double> estimates() const override { return {1.0}; }
};
}  // namespace

std::unique_ptr<Scheduler> makeTheHuzz(const SchedulerParams&) { return std::make_unique<TheHuzz>(); }

}  // namespace rtlarena::fuzz
