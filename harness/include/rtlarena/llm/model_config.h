// --model-config FILE: a model described in a small file (JSON or TOML) so that a
// leaderboard entry can be re-run exactly. The format is in docs/LLM.md.
#pragma once

#include <string>

#include "rtlarena/core/result.h"
#include "rtlarena/llm/provider.h"

namespace rtlarena {

/// Reads the file into `options` (fields it names replace what `options` holds). Errors are
/// BadConfig and name the file, the line (TOML) and the field.
Status loadModelConfig(const std::string& file, ProviderOptions& options);

}  // namespace rtlarena
