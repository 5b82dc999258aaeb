// Campaign outputs on disk: coverage-over-time CSV, arm statistics, one folder per unique
// mismatch (reproducer JSON + a readable report), the corpus, uncovered points and a summary
// JSON. Also reads a corpus folder back (--corpus-from).
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/fuzz/campaign.h"
#include "rtlarena/fuzz/dut_build.h"
#include "rtlarena/fuzz/repro.h"

namespace rtlarena::fuzz {

/// What the reproducers need to rebuild the DUT.
struct CampaignMeta {
  std::string core;
  std::filesystem::path coreConfig;
  std::string bug;
  std::map<std::string, std::string> defines;  ///< extra, not the bug's
  std::vector<std::string> plusargs;
  std::vector<std::string> sourcesOverride;
  std::string coverage;
  /// Signatures calibration recorded as the core's suspected bugs (its calibration.json).
  std::set<std::string> knownDeviations;
};

/// The summary as printed by --json: tests, tests_per_second, instructions_per_second,
/// coverage (points hit), coverage_points, coverage_percent, mismatches, unique_mismatches,
/// bugs_found, first_mismatch_test, first_mismatch_seconds, ...
std::string summaryJson(const CampaignResult& r, const CampaignMeta& meta);

/// The reproducer of one mismatch (its minimized form when there is one).
Reproducer reproducerFor(const Mismatch& m, const CampaignResult& r, const CampaignMeta& meta);

Status writeCampaignOutputs(const std::filesystem::path& out, const CampaignResult& r, const CampaignMeta& meta,
                            const Layout& layout, const std::vector<CoverPoint>& points);

/// Markdown for one mismatch: what diverged, the program with addresses, expected vs actual.
std::string mismatchReport(const Mismatch& m, const Layout& layout);

/// Programs of a corpus folder (a campaign --out dir or its corpus/ subfolder).
Result<std::vector<Program>> readCorpus(const std::filesystem::path& dir);

}  // namespace rtlarena::fuzz
