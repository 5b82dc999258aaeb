// ducb: discounted UCB (Kocsis and Szepesvari 2006; Garivier and Moulines 2011). Every
// pull discounts all arms' counts and sums by gamma, so old rewards fade:
// mean_g + 2c sqrt(xi ln n_g / N_g) with xi = 0.5.
#include <cmath>

#include "schedulers.h"

namespace rtlarena::fuzz {

namespace {
class DiscountedUcb final : public Scheduler {
 public:
  DiscountedUcb(double g, double c) : g_(g), c_(c) {}
  std::string_view name() const override { return "ducb"; }
  void init(unsigned arms) override { sum_.assign(arms, 0), n_.assign(arms, 0); }
  unsigned select(Rng&) override {
    const auto k = static_cast<unsigned>(sum_.size());
    double total = 0;
    for (unsigned i = 0; i < k; ++i) {
      if (n_[i] < 1e-9) return i;
      total += n_[i];
    }
    unsigned best = 0;
    double bestScore = -1;
    for (unsigned i = 0; i < k; ++i) {
      double s = sum_[i] / n_[i] + 2 * c_ * std::sqrt(0.5 * std::log(std::max(total, 1.0)) / n_[i]);
      if (s > bestScore) bestScore = s, best = i;
    }
    return best;
  }
  void update(unsigned a, double r) override {
    for (size_t i = 0; i < sum_.size(); ++i) sum_[i] *= g_, n_[i] *= g_;
    sum_[a] += r;
    n_[a] += 1;
  }
  void resetArm(unsigned a) override { sum_[a] = 0, n_[a] = 0; }
  std::vector<double> estimates() const override {
    std::vector<double> m(sum_.size());
    for (size_t i = 0; i < m.size(); ++i) m[i] = n_[i] > 1e-9 ? sum_[i] / n_[i] : 0;
    return m;
  }

 private:
  double g_, c_;
  std::vector<double> sum_, n_;
};
}  // namespace

std::unique_ptr<Scheduler> makeDiscountedUcb(const SchedulerParams& p) {
  return std::make_unique<DiscountedUcb>(p.discount, p.ucbScale);
}

}  // namespace rtlarena::fuzz
