#include "rtlarena/fuzz/mutant_baseline.h"

#include "rtlarena/fuzz/dut.h"
#include "rtlarena/fuzz/inject.h"

namespace rtlarena::fuzz {

namespace {
const std::string kSelect = "+rtlarena_mutsel=";
}

bool sameDivergence(const Divergence& a, const Divergence& b) {
  return a.index == b.index && a.signature() == b.signature();
}

bool sameOutcome(const Outcome& a, const Outcome& b) {
  return (!a && !b) || (a && b && sameDivergence(*a, *b));
}

bool mutantOwnDivergence(const Outcome& mutant, const Outcome& original) {
  return mutant && !(original && sameDivergence(*mutant, *original));
}

std::vector<std::string> originalPlusargs(const std::vector<std::string>& mutantPlusargs) {
  std::vector<std::string> out;
  for (const auto& p : mutantPlusargs)
    if (p.rfind(kSelect, 0) != 0) out.push_back(p);
  out.push_back(mutantPlusarg(0));
  return out;
}

OriginalCore::OriginalCore(Dut& dut, const CoreConfig& core, const Layout& layout, RunnerOptions options,
                           std::vector<std::string> mutantPlusargs)
    : dut_(dut), core_(core), layout_(layout), options_(options), mutantPlusargs_(std::move(mutantPlusargs)) {
  options_.rtlCoverage = false;
  options_.modelCoverage = false;
}

template <class F>
Outcome OriginalCore::onOriginal(F&& runOnce) {
  dut_.recreate(originalPlusargs(mutantPlusargs_));
  TestResult r = runOnce(Runner(dut_, core_, layout_, options_));
  dut_.recreate(mutantPlusargs_);
  return r.divergence;
}

Outcome OriginalCore::run(const Program& program) {
  return onOriginal([&](Runner&& r) { return r.run(program); });
}

Outcome OriginalCore::runImage(const std::vector<uint32_t>& image) {
  return onOriginal([&](Runner&& r) { return r.runImage(image); });
}

bool OriginalCore::shares(const Program& program, const Divergence& mutant) {
  const Outcome original = run(program);
  return original && sameDivergence(*original, mutant);
}

}  // namespace rtlarena::fuzz
