// Run stores made with the store library for report tests and the report benchmark: a model of
// a given skill answers every task of a made-up suite, deterministically from a seed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "rtlarena/core/result.h"

namespace rtlarena::testing {

struct SyntheticRun {
  std::string model = "model-a";
  std::string suite = "demo";
  int tasks = 6;
  int samples = 4;
  double skill = 0.5;  ///< chance that a sample passes an easy task
  std::uint64_t seed = 1;
  int harnessErrors = 0;  ///< the first samples of task 0 that rtlarena failed to judge
  bool controls = true;   ///< golden ceiling and negative control rows
  std::string createdAt = "2026-01-02T03:04:05Z";
};

/// Writes `dir`/results.sqlite. Verdicts cycle through every failure level so each part of
/// the report has something to show.
Status writeSyntheticRun(const std::filesystem::path& dir, const SyntheticRun& run);

/// A fuzz campaign folder as `rtlarena fuzz --out` writes it (summary.json, coverage.csv,
/// arms.csv, arms_over_time.csv, mismatches.json).
Status writeSyntheticCampaign(const std::filesystem::path& dir, const std::string& algo, int seed, bool findsBug);

}  // namespace rtlarena::testing
