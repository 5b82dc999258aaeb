// Where an arm's fresh seed comes from: the generator, or a test imported from another
// core's corpus (--corpus-from). A contextual bandit (LinUCB, Li et al. 2010) decides per
// reset among one fresh candidate and a few imported ones; the context is the candidate's
// instruction-class mix and whether it was imported, the reward the arm's mean reward over
// its life. So it learns which kinds of foreign tests transfer to this core.
#pragma once

#include <vector>

#include "rtlarena/fuzz/generator.h"
#include "rtlarena/fuzz/program.h"
#include "rtlarena/fuzz/rng.h"

namespace rtlarena::fuzz {

class SeedSource {
 public:
  static constexpr unsigned kFeatures = 2 + static_cast<unsigned>(OpClass::Count_);

  SeedSource(const Generator& generator, std::vector<Program> imported, double alpha = 0.5,
             unsigned candidates = 4);

  struct Choice {
    Program program;
    bool imported = false;
    std::vector<double> features;
  };
  Choice next(Rng& rng);
  /// The arm seeded with `features` earned `reward` (in [0, 1]) on average.
  void feedback(const std::vector<double>& features, double reward);

  size_t importedCount() const { return imported_.size(); }
  uint64_t importedChosen() const { return importedChosen_; }
  uint64_t freshChosen() const { return freshChosen_; }
  static std::vector<double> features(const Program& p, bool imported);

 private:
  double score(const std::vector<double>& x) const;
  const Generator& gen_;
  std::vector<Program> imported_;
  double alpha_;
  unsigned candidates_;
  std::vector<double> ainv_;  // kFeatures x kFeatures, row-major
  std::vector<double> b_;
  uint64_t importedChosen_ = 0, freshChosen_ = 0;
};

}  // namespace rtlarena::fuzz
