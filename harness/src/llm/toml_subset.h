// A parser for the small part of TOML that model configs need, returning JSON.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "rtlarena/core/result.h"

namespace rtlarena {

/// `key = value` lines, `[table]` and `[table.sub]` headers, `#` comments; values are basic
/// ("…") or literal ('…') strings, integers, floats, true/false and one-line arrays of those.
/// Errors are BadConfig "FILE:LINE: what was expected".
Result<nlohmann::json> parseTomlSubset(std::string_view text, const std::string& fileName);

}  // namespace rtlarena
