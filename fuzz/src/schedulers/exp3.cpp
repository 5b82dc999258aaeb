// exp3 (Auer et al. 2002), adversarial bandit: p_i = (1 - eta) w_i / sum w + eta / K;
// the pulled arm's weight grows by exp(eta * (r / p_i) / K). A reset arm takes the mean
// weight of the others (MABFuzz). Weights are renormalised so they never overflow.
#include <cmath>

#include "schedulers.h"

namespace rtlarena::fuzz {

namespace {
class Exp3 final : public Scheduler {
 public:
  explicit Exp3(double eta) : eta_(eta) {}
  std::string_view name() const override { return "exp3"; }
  void init(unsigned arms) override { w_.assign(arms, 1.0), p_.assign(arms, 1.0 / arms); }
  unsigned select(Rng& rng) override {
    refresh();
    return static_cast<unsigned>(rng.weighted(p_));
  }
  void update(unsigned a, double r) override {
    refresh();
    const double k = static_cast<double>(w_.size());
    w_[a] *= std::exp(eta_ * (r / p_[a]) / k);
    double mx = 0;
    for (double w : w_) mx = std::max(mx, w);
    if (mx > 1e100)
      for (double& w : w_) w /= mx;
  }
  void resetArm(unsigned a) override {
    double sum = 0;
    for (size_t i = 0; i < w_.size(); ++i)
      if (i != a) sum += w_[i];
    w_[a] = w_.size() > 1 ? sum / static_cast<double>(w_.size() - 1) : 1.0;
  }
  std::vector<double> estimates() const override { return p_; }

 private:
  void refresh() {
    double sum = 0;
    for (double w : w_) sum += w;
    const double k = static_cast<double>(w_.size());
    for (size_t i = 0; i < w_.size(); ++i) p_[i] = (1 - eta_) * w_[i] / sum + eta_ / k;
  }
  double eta_;
  std::vector<double> w_, p_;
};
}  // namespace

std::unique_ptr<Scheduler> makeExp3(const SchedulerParams& p) { return std::make_unique<Exp3>(p.exp3Eta); }

}  // namespace rtlarena::fuzz
