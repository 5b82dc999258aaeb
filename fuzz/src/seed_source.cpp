// LinUCB with a Sherman-Morrison update of A^-1, so each decision costs O(d^2), d = 14.
#include "rtlarena/fuzz/seed_source.h"

#include <cmath>

namespace rtlarena::fuzz {

SeedSource::SeedSource(const Generator& generator, std::vector<Program> imported, double alpha, unsigned candidates)
    : gen_(generator), imported_(std::move(imported)), alpha_(alpha), candidates_(candidates),
      ainv_(kFeatures * kFeatures, 0.0), b_(kFeatures, 0.0) {
  for (unsigned i = 0; i < kFeatures; ++i) ainv_[i * kFeatures + i] = 1.0;
}

std::vector<double> SeedSource::features(const Program& p, bool imported) {
  std::vector<double> x(kFeatures, 0.0);
  x[0] = 1.0;
  x[1] = imported ? 1.0 : 0.0;
  if (p.body.empty()) return x;
  for (uint32_t w : p.body) x[2 + static_cast<unsigned>(opClass(decode(w).op))] += 1.0;
  for (unsigned i = 2; i < kFeatures; ++i) x[i] /= static_cast<double>(p.body.size());
  return x;
}

double SeedSource::score(const std::vector<double>& x) const {
  double mean = 0, var = 0;
  for (unsigned i = 0; i < kFeatures; ++i) {
    double theta = 0, ax = 0;
    for (unsigned j = 0; j < kFeatures; ++j) {
      theta += ainv_[i * kFeatures + j] * b_[j];
      ax += ainv_[i * kFeatures + j] * x[j];
    }
    mean += theta * x[i];
    var += x[i] * ax;
  }
  return mean + alpha_ * std::sqrt(std::max(var, 0.0));
}

SeedSource::Choice SeedSource::next(Rng& rng) {
  Choice best;
  best.program = gen_.generate(rng);
  best.features = features(best.program, false);
  if (imported_.empty()) {
    ++freshChosen_;
    return best;
  }
  double bestScore = score(best.features);
  for (unsigned c = 0; c < candidates_; ++c) {
    const Program& p = imported_[rng.below(static_cast<uint32_t>(imported_.size()))];
    auto x = features(p, true);
    double s = score(x);
    if (s > bestScore) {
      bestScore = s;
      best.program = p;
      best.features = std::move(x);
      best.imported = true;
    }
  }
  ++(best.imported ? importedChosen_ : freshChosen_);
  return best;
}

void SeedSource::feedback(const std::vector<double>& x, double reward) {
  if (x.size() != kFeatures || imported_.empty()) return;
  std::vector<double> ax(kFeatures, 0.0);
  double denom = 1.0;
  for (unsigned i = 0; i < kFeatures; ++i) {
    for (unsigned j = 0; j < kFeatures; ++j) ax[i] += ainv_[i * kFeatures + j] * x[j];
    denom += x[i] * ax[i];
  }
  // A^-1 is symmetric, so x^T A^-1 = (A^-1 x)^T
  for (unsigned i = 0; i < kFeatures; ++i)
    for (unsigned j = 0; j < kFeatures; ++j) ainv_[i * kFeatures + j] -= ax[i] * ax[j] / denom;
  for (unsigned i = 0; i < kFeatures; ++i) b_[i] += reward * x[i];
}

}  // namespace rtlarena::fuzz
