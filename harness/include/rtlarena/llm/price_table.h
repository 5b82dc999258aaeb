// --price-table FILE: the cost of a run's answers from the tokens recorded per sample.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "rtlarena/core/result.h"

namespace rtlarena {

struct RunCost {
  std::int64_t tokensIn = 0;
  std::int64_t tokensOut = 0;
  double inputPerMillion = 0;   ///< USD per million prompt tokens
  double outputPerMillion = 0;  ///< USD per million completion tokens
  double usd = 0;
};

class Store;

/// Prices the samples in a run store. The table is a JSON object keyed by "provider:model",
/// "model" or "*", each {"input_per_mtok": X, "output_per_mtok": Y}. The figure is also stored
/// in the run (extras kind "cost"). Errors name the file and the field.
Result<RunCost> priceRun(Store& store, const std::string& priceTableFile, const std::string& modelSpec);

}  // namespace rtlarena
