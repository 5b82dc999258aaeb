// uniform: a static strategy over arms (the earlier stand-in for TheHuzz; `thehuzz` is the
// faithful one). Every arm is equally likely, and an arm is reseeded only when its queue is
// empty, never for lack of reward.
#include "schedulers.h"

namespace rtlarena::fuzz {

namespace {
class Uniform final : public Scheduler {
 public:
  std::string_view name() const override { return "uniform"; }
  void init(unsigned arms) override { arms_ = arms; }
  unsigned select(Rng& rng) override { return rng.below(arms_); }
  void update(unsigned, double) override {}
  void resetArm(unsigned) override {}
  bool plateauResets() const override { return false; }
  std::vector<double> estimates() const override { return std::vector<double>(arms_, 1.0 / arms_); }

 private:
  unsigned arms_ = 1;
};
}  // namespace

std::unique_ptr<Scheduler> makeUniform(const SchedulerParams&) { return std::make_unique<Uniform>(); }

}  // namespace rtlarena::fuzz
