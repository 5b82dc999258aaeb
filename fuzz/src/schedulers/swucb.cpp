// swucb: sliding-window UCB (Garivier and Moulines 2011) for non-stationary rewards, which
// is what coverage rewards are: an arm pays well until its neighbourhood is covered. Only
// the last `window` pulls count: mean + c sqrt(2 ln min(t, W) / n_W).
#include <cmath>
#include <deque>

#include "schedulers.h"

namespace rtlarena::fuzz {

namespace {
class SlidingWindowUcb final : public Scheduler {
 public:
  SlidingWindowUcb(unsigned window, double c) : window_(window), c_(c) {}
  std::string_view name() const override { return "swucb"; }
  void init(unsigned arms) override { sum_.assign(arms, 0), n_.assign(arms, 0), hist_.clear(), t_ = 0; }
  unsigned select(Rng&) override {
    const auto k = static_cast<unsigned>(sum_.size());
    for (unsigned i = 0; i < k; ++i)
      if (n_[i] == 0) return i;
    const double lt = std::log(static_cast<double>(std::min<uint64_t>(t_, window_)));
    unsigned best = 0;
    double bestScore = -1;
    for (unsigned i = 0; i < k; ++i) {
      double s = sum_[i] / n_[i] + c_ * std::sqrt(2.0 * lt / n_[i]);
      if (s > bestScore) bestScore = s, best = i;
    }
    return best;
  }
  void update(unsigned a, double r) override {
    ++t_;
    hist_.push_back({a, r});
    sum_[a] += r;
    ++n_[a];
    if (hist_.size() > window_) {
      auto [oa, orw] = hist_.front();
      hist_.pop_front();
      if (oa != kForgotten && n_[oa] > 0) sum_[oa] -= orw, --n_[oa];
    }
  }
  void resetArm(unsigned a) override {
    for (auto& h : hist_)
      if (h.first == a) h.first = kForgotten;
    sum_[a] = 0, n_[a] = 0;
  }
  std::vector<double> estimates() const override {
    std::vector<double> m(sum_.size());
    for (size_t i = 0; i < m.size(); ++i) m[i] = n_[i] ? sum_[i] / n_[i] : 0;
    return m;
  }

 private:
  static constexpr unsigned kForgotten = ~0u;
  unsigned window_;
  double c_;
  std::vector<double> sum_;
  std::vector<unsigned> n_;
  std::deque<std::pair<unsigned, double>> hist_;
  uint64_t t_ = 0;
};
}  // namespace

std::unique_ptr<Scheduler> makeSlidingWindowUcb(const SchedulerParams& p) {
  return std::make_unique<SlidingWindowUcb>(std::max(2u, p.window), p.ucbScale);
}

}  // namespace rtlarena::fuzz
