// TOML model configs read by toml++ and handed on as JSON, so that one set of field checks
// serves both formats. Only toml_to_json.cpp sees the toml++ header: it is heavy to compile.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "rtlarena/core/result.h"

namespace rtlarena {

/// Parses a whole TOML document (TOML 1.0) into a JSON object. A syntax error is BadConfig
/// "FILE:LINE:COLUMN: what is wrong". Values JSON cannot hold the same way are refused by
/// name and position rather than guessed at: dates and times, and non-finite floats.
Result<nlohmann::json> parseTomlToJson(std::string_view text, const std::string& fileName);

}  // namespace rtlarena
