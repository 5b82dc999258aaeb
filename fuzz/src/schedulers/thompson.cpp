// thompson: Beta-Bernoulli Thompson sampling. A reward r in [0, 1] counts as a success with
// probability r (the standard reduction of bounded rewards to Bernoulli ones, Agrawal and
// Goyal 2012); the arm with the largest posterior draw is pulled.
#include "schedulers.h"

namespace rtlarena::fuzz {

namespace {
class Thompson final : public Scheduler {
 public:
  std::string_view name() const override { return "thompson"; }
  void init(unsigned arms) override { a_.assign(arms, 1.0), b_.assign(arms, 1.0); }
  unsigned select(Rng& rng) override {
    unsigned best = 0;
    double bestDraw = -1;
    for (unsigned i = 0; i < a_.size(); ++i) {
      double d = rng.beta(a_[i], b_[i]);
      if (d > bestDraw) bestDraw = d, best = i;
    }
    return best;
  }
  void update(unsigned arm, double r) override {
    // deterministic given the reward sequence: success iff r exceeds a hashed threshold
    const double u = static_cast<double>((++t_ * 0x9e3779b97f4a7c15ull) >> 11) * (1.0 / 9007199254740992.0);
    if (u < r) a_[arm] += 1;
    else b_[arm] += 1;
  }
  void resetArm(unsigned arm) override { a_[arm] = b_[arm] = 1.0; }
  std::vector<double> estimates() const override {
    std::vector<double> m(a_.size());
    for (size_t i = 0; i < m.size(); ++i) m[i] = a_[i] / (a_[i] + b_[i]);
    return m;
  }

 private:
  std::vector<double> a_, b_;
  uint64_t t_ = 0;
};
}  // namespace

std::unique_ptr<Scheduler> makeThompson(const SchedulerParams&) { return std::make_unique<Thompson>(); }

}  // namespace rtlarena::fuzz
