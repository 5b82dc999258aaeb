// ucb1 (Auer et al. 2002): mean reward + sqrt(2 ln t / n). t counts all pulls; an arm that
// was reset is untried again and is pulled first.
#include <cmath>

#include "schedulers.h"

namespace rtlarena::fuzz {

namespace {
class Ucb1 final : public Scheduler {
 public:
  explicit Ucb1(double c) : c_(c) {}
  std::string_view name() const override { return "ucb1"; }
  void init(unsigned arms) override { q_.assign(arms, 0), n_.assign(arms, 0), t_ = 0; }
  unsigned select(Rng&) override {
    const auto k = static_cast<unsigned>(q_.size());
    for (unsigned i = 0; i < k; ++i)
      if (n_[i] == 0) return i;
    unsigned best = 0;
    double bestScore = -1;
    for (unsigned i = 0; i < k; ++i) {
      double s = q_[i] + c_ * std::sqrt(2.0 * std::log(static_cast<double>(t_)) / n_[i]);
      if (s > bestScore) bestScore = s, best = i;
    }
    return best;
  }
  void update(unsigned a, double r) override {
    ++t_;
    ++n_[a];
    q_[a] += (r - q_[a]) / n_[a];
  }
  void resetArm(unsigned a) override { q_[a] = 0, n_[a] = 0; }
  std::vector<double> estimates() const override { return q_; }

 private:
  double c_;
  std::vector<double> q_;
  std::vector<unsigned> n_;
  uint64_t t_ = 0;
};
}  // namespace

std::unique_ptr<Scheduler> makeUcb1(const SchedulerParams& p) { return std::make_unique<Ucb1>(p.ucbScale); }

}  // namespace rtlarena::fuzz
