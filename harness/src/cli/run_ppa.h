// `rtlarena run --ppa`: the flags, the hook that computes PPA for every passing sample, and the
// PPA part of the run summary (text and JSON).
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/run/run_driver.h"
#include "rtlarena/synth/ppa_run.h"

namespace rtlarena::cli {

struct RunPpaFlags {
  bool enabled = false;
  double clockPeriod = 0;          ///< 0 = each task's own (task.json "ppa"), else 10 ns
  std::string activity = "sim";    ///< sim | default
  bool noCache = false;
};

void addRunPpaFlags(CLI::App* sub, RunPpaFlags& flags);

/// Checks the tools and sets options.onPass; nullptr when --ppa is off.
Result<std::shared_ptr<synth::PpaRunner>> setUpRunPpa(const RunPpaFlags& flags, RunOptions& options);

/// After the run: PPA for passing samples that lack it, then the summary from the store.
Result<synth::PpaSummary> finishRunPpa(synth::PpaRunner& runner, const RunOptions& options);

std::string ppaSummaryText(const synth::PpaSummary& summary);
nlohmann::json ppaSummaryJson(const synth::PpaSummary& summary);

}  // namespace rtlarena::cli
