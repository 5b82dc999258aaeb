// The endpoint flags of `rtlarena run` (--base-url, --model-config, limits, cache, prices),
// kept apart from cmd_run.cpp so the run command stays a list of what it does.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/run/run_driver.h"

namespace rtlarena::cli {

struct LlmFlags {
  std::string baseUrl, apiKeyEnv, modelConfig, cacheDir, priceTable, extraBody, nMode = "auto";
  std::int64_t seed = 0;
  std::vector<std::string> stop, headers;
  int concurrency = 8, retries = 8;
  double rpm = 0, tpm = 0, timeout = 600;
  bool noCache = false, retryErrors = false;
};

/// Declares the flags on `run`.
void addLlmFlags(CLI::App& sub, LlmFlags& flags);

/// Fills o.provider: the --model-config file first, then every flag the user gave (so a flag
/// overrides the file). Call after the generic flags (--model, --temperature ...) are in `o`.
Status applyLlmFlags(const LlmFlags& flags, const CLI::App& sub, RunOptions& o);

}  // namespace rtlarena::cli
