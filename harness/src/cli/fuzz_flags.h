// The flags of `rtlarena fuzz`, shared by its two forms: one campaign (cmd_fuzz.cpp) and a
// sweep of campaigns over schedulers x seeds, whole or one shard of it (cmd_fuzz_sweep.cpp).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace rtlarena::cli {

struct FuzzFlags {
  std::string core, bug, algo = "egreedy", time, out, coverage = "line", corpusFrom, cacheDir;
  uint64_t tests = 0, seed = 1;
  unsigned arms = 10, pull = 10, gamma = 1, instructions = 20;
  double familySpread = 1.0;
  double alpha = 0.25, minimizeSeconds = 10;
  bool json = false, noLockstep = false, noModelCoverage = false, rewardPerCycle = false;
  bool stopOnMismatch = false, noMinimize = false, noProgress = false, listAlgos = false, gammaLocal = false;
  std::vector<std::string> plusargs, defines;
  std::string mutant;  ///< DIR:K from `fuzz inject`
  std::string seeds;   ///< sweep: "1-30", "1,4,9-12"
  std::string shard;   ///< sweep: I/N
  bool seedGiven = false;      ///< --seed was on the command line (a sweep takes --seeds instead)
  bool printSummary = true;    ///< one campaign: print its summary (a sweep prints its own)

  /// A sweep when a list of schedulers or seeds, or a shard, is asked for.
  bool isSweep() const { return !seeds.empty() || !shard.empty() || algo.find(',') != std::string::npos; }
};

/// Everything that decides what a campaign finds, as stored in <out>/campaign.json;
/// `coreConfig` is the resolved core.json.
nlohmann::json fuzzCampaignConfig(const FuzzFlags& f, const std::string& coreConfig);

/// One campaign into f.out (when given); the exit code: 0 no mismatch, 1 mismatches, else an error's.
int runFuzzCampaign(const FuzzFlags& f);

/// The sweep f asks for (isSweep()): its shard's campaigns into f.out/campaigns/, then the
/// sweep's tables; the exit code as for one campaign, over all of them.
int runFuzzSweep(const FuzzFlags& f);

}  // namespace rtlarena::cli
