// Run cost: tokens summed over the stored samples, priced from a user-supplied table.
#include "rtlarena/llm/price_table.h"

#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/store/store.h"

namespace rtlarena {

using nlohmann::json;

Result<RunCost> priceRun(Store& store, const std::string& priceTableFile, const std::string& modelSpec) {
  auto text = readFile(priceTableFile);
  if (!text) return makeError(ErrorCode::BadConfig, priceTableFile + ": cannot read the price table");
  json table = json::parse(*text, nullptr, false);
  if (table.is_discarded() || !table.is_object())
    return makeError(ErrorCode::BadConfig, priceTableFile + ": must be a JSON object keyed by model");
  const auto colon = modelSpec.find(':');
  const std::string bare = colon == std::string::npos ? modelSpec : modelSpec.substr(colon + 1);
  std::string key;
  for (const std::string& k : {modelSpec, bare, std::string("*")})
    if (table.contains(k)) {
      key = k;
      break;
    }
  if (key.empty())
    return makeError(ErrorCode::BadConfig, priceTableFile + ": no entry for '" + modelSpec + "', '" + bare + "' or '*'");
  const json& e = table[key];
  auto price = [&](const char* field, double& out) -> Status {
    if (!e.is_object() || !e.contains(field) || !e[field].is_number() || e[field].get<double>() < 0)
      return makeError(ErrorCode::BadConfig, priceTableFile + ": field '" + key + "." + field +
                                                 "' must be a non-negative number (USD per million tokens)");
    out = e[field].get<double>();
    return Ok{};
  };
  RunCost cost;
  if (auto s = price("input_per_mtok", cost.inputPerMillion); !s) return s.error();
  if (auto s = price("output_per_mtok", cost.outputPerMillion); !s) return s.error();

  auto samples = store.samples();
  if (!samples) return samples.error();
  for (const auto& s : *samples) {
    cost.tokensIn += s.tokensIn;
    cost.tokensOut += s.tokensOut;
  }
  cost.usd = (static_cast<double>(cost.tokensIn) * cost.inputPerMillion +
              static_cast<double>(cost.tokensOut) * cost.outputPerMillion) / 1e6;
  json record = {{"tokens_in", cost.tokensIn},
                 {"tokens_out", cost.tokensOut},
                 {"input_per_mtok", cost.inputPerMillion},
                 {"output_per_mtok", cost.outputPerMillion},
                 {"usd", cost.usd}};
  if (auto s = store.putExtra("cost", "run", record.dump()); !s) return s.error();
  return cost;
}

}  // namespace rtlarena
