// `--sim auto`: Icarus starts in milliseconds but simulates slowly; Verilator costs a few
// seconds to build a model (with the reused runtime) and then simulates tens of times faster. So a
// job goes to Verilator only when its Icarus run is expected to take longer than that build:
// measured Icarus times are remembered per testbench (a small TSV in the cache directory), so the
// golden ceiling's run decides for every later sample. A testbench never measured whose text asks
// for many cycles is tried on Icarus held to a build's time, and goes to Verilator only when
// that is not enough.
#include <algorithm>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <regex>

#include "rtlarena/core/hash.h"
#include "rtlarena/core/text.h"
#include "rtlarena/eval/verilator.h"

namespace rtlarena {

namespace {

constexpr double kIcarusSecondsForVerilator = 5.0;  ///< measured Icarus run time above which
constexpr double kCyclesForVerilator = 200000;       ///< predicted cycles above which

class CostMemory {
 public:
  static CostMemory& instance() {
    static CostMemory m;
    return m;
  }
  std::optional<double> icarusSeconds(const std::string& key) {
    std::lock_guard lock(mutex_);
    load();
    auto it = seconds_.find(key);
    if (it == seconds_.end()) return std::nullopt;
    return it->second;
  }
  void remember(const std::string& key, double seconds) {
    std::lock_guard lock(mutex_);
    load();
    seconds_[key] = seconds;
    std::ofstream out(file(), std::ios::app);
    if (out) out << key << '\t' << seconds << '\n';
  }

 private:
  std::string file() const { return rtlarenaCacheRoot() + "/sim-cost.tsv"; }
  void load() {
    if (loaded_) return;
    loaded_ = true;
    std::ifstream in(file());
    std::string key;
    double s;
    while (in >> key >> s) seconds_[key] = s;
  }
  std::mutex mutex_;
  bool loaded_ = false;
  std::map<std::string, double> seconds_;
};

std::string testbenchKey(const SimJob& job) {
  if (!job.benchKey.empty()) return job.benchKey;
  std::string all;
  for (std::size_t i = 1; i < job.sources.size(); ++i) all += job.sources[i].text;  // all but the candidate
  return sha256Hex(all).substr(0, 24);
}

// A Verilator build that failed on the testbench or the reference, not on the candidate.
bool failedOutsideCandidate(const SimOutcome& o) {
  const std::string log = o.compile.combined();
  return !o.compiled && (contains(log, "testbench") || contains(log, "reference")) &&
         !contains(log, "candidate.sv");
}

class AutoSimulator final : public Simulator {
 public:
  std::string name() const override { return "auto"; }

  Result<SimOutcome> simulate(const SimJob& job) override {
    const std::string key = testbenchKey(job);
    auto known = CostMemory::instance().icarusSeconds(key);
    if (known && *known > kIcarusSecondsForVerilator) return onVerilator(job);
    if (!known) {
      std::string tb;
      for (std::size_t i = 1; i < job.sources.size(); ++i) tb += job.sources[i].text;
      if (predictedCycles(tb) > kCyclesForVerilator) {
        // The text predicts a long simulation, but a guess costs a Verilator build on every
        // bench it gets wrong: measure instead, with Icarus held to the time a build costs.
        SimJob trial = job;
        trial.limits.simSeconds = std::min(job.limits.simSeconds, kIcarusSecondsForVerilator);
        auto i = makeIcarusSimulator()->simulate(trial);
        if (!i || !i->compiled || !i->run.timedOut) {
          if (i && i->compiled) CostMemory::instance().remember(key, i->run.wallSeconds);
          return i;
        }
        CostMemory::instance().remember(key, kIcarusSecondsForVerilator * 2);  // at least that long
        return onVerilator(job);
      }
    }
    auto i = makeIcarusSimulator()->simulate(job);
    if (i && i->compiled && !i->run.timedOut) CostMemory::instance().remember(key, i->run.wallSeconds);
    return i;
  }

 private:
  // Verilator, unless its build fails on the bench rather than the candidate: then Icarus.
  static Result<SimOutcome> onVerilator(const SimJob& job) {
    auto v = makeVerilatorSimulator()->simulate(job);
    if (!v || !failedOutsideCandidate(*v)) return v;
    return makeIcarusSimulator()->simulate(job);
  }
};

}  // namespace

double predictedCycles(const std::string& testbench) {
  static const std::regex repeatRe("repeat\\s*\\(\\s*([0-9_]+)\\s*\\)");
  static const std::regex loopRe("for\\s*\\([^;]*;[^;<]*<=?\\s*([0-9_]+)\\s*;");
  double total = 0;
  for (const auto* re : {&repeatRe, &loopRe}) {
    for (auto it = std::sregex_iterator(testbench.begin(), testbench.end(), *re); it != std::sregex_iterator(); ++it) {
      std::string digits = (*it)[1].str();
      digits.erase(std::remove(digits.begin(), digits.end(), '_'), digits.end());
      if (!digits.empty() && digits.size() < 12) total += std::stod(digits);
    }
  }
  return total;
}

std::unique_ptr<Simulator> makeAutoSimulator() { return std::make_unique<AutoSimulator>(); }

}  // namespace rtlarena
