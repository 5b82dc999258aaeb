// JSON as users read it: floats rounded to what they measure (no 36.695620000000005), so every
// command's --json output reads the same. Header-only so that libraries that already use
// nlohmann::json need no new link dependency.
#pragma once

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

namespace rtlarena {

/// `value` to `digits` significant digits (6 by default: a ratio 0.123457, 36.6956 s).
inline double roundSignificant(double value, int digits = 6) {
  if (!std::isfinite(value) || value == 0) return value;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.*g", digits, value);
  return std::strtod(buf, nullptr);
}

/// Rounds every float in `j`, recursively; non-finite floats become null.
inline nlohmann::json tidyJson(nlohmann::json j) {
  if (j.is_number_float()) {
    const double v = j.get<double>();
    return std::isfinite(v) ? nlohmann::json(roundSignificant(v)) : nlohmann::json(nullptr);
  }
  if (j.is_object() || j.is_array())
    for (auto& item : j) item = tidyJson(std::move(item));
  return j;
}

/// `n` as JSON, or null when it is a "not known" sentinel (negative).
inline nlohmann::json countOrNull(long long n) { return n < 0 ? nlohmann::json(nullptr) : nlohmann::json(n); }

}  // namespace rtlarena
