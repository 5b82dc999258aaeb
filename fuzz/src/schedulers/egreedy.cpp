// egreedy: with probability epsilon a random arm, else the arm with the best mean reward
// (MABFuzz: epsilon = 0.2). Ties go to the lowest index, untried arms are tried first.
#include "schedulers.h"

namespace rtlarena::fuzz {

namespace {
class EpsilonGreedy final : public Scheduler {
 public:
  explicit EpsilonGreedy(double eps) : eps_(eps) {}
  std::string_view name() const override { return "egreedy"; }
  void init(unsigned arms) override { q_.assign(arms, 0), n_.assign(arms, 0); }
  unsigned select(Rng& rng) override {
    const auto k = static_cast<unsigned>(q_.size());
    for (unsigned i = 0; i < k; ++i)
      if (n_[i] == 0) return i;
    if (rng.chance(eps_)) return rng.below(k);
    unsigned best = 0;
    for (unsigned i = 1; i < k; ++i)
      if (q_[i] > q_[best]) best = i;
    return best;
  }
  void update(unsigned a, double r) override {
    ++n_[a];
    q_[a] += (r - q_[a]) / n_[a];
  }
  void resetArm(unsigned a) override { q_[a] = 0, n_[a] = 0; }
  std::vector<double> estimates() const override { return q_; }

 private:
  double eps_;
  std::vector<double> q_;
  std::vector<unsigned> n_;
};
}  // namespace

std::unique_ptr<Scheduler> makeEpsilonGreedy(const SchedulerParams& p) {
  return std::make_unique<EpsilonGreedy>(p.epsilon);
}

}  // namespace rtlarena::fuzz
