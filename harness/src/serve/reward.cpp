// Reward shaping (see reward.h). Every branch reads the verdict the evaluator
// gave; nothing here looks at the candidate's text.
#include "rtlarena/serve/reward.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace rtlarena {

double ppaComponent(double score) { return std::clamp(1.5 - score, 0.0, 1.0); }

RewardBreakdown shapeReward(const RewardConfig& c, const Evaluation& native, std::optional<double> ppaScore) {
  RewardBreakdown b;
  switch (native.verdict) {
    case Verdict::NoCode:
      b.note = "no code block could be extracted";
      break;
    case Verdict::PolicyViolation:
      b.note = "refused by the candidate policy: no credit";
      break;
    case Verdict::HarnessError:
    case Verdict::LlmError:
      b.note = "no verdict (rtlarena's own failure)";
      break;
    case Verdict::SyntaxError:
    case Verdict::CompileError:
      b.format = 1;
      b.note = "extracted, does not compile";
      break;
    case Verdict::SimTimeout:
    case Verdict::SimCrash:
      b.format = b.syntax = 1;
      b.note = "compiles, the simulation did not finish";
      break;
    case Verdict::Mismatch: {
      b.format = b.syntax = 1;
      double share = 0;
      if (native.samples > 0 && native.mismatches >= 0 && native.mismatches <= native.samples)
        share = static_cast<double>(native.samples - native.mismatches) / static_cast<double>(native.samples);
      // Never full credit: a mismatch is a failure however few samples differ.
      b.function = std::min(std::clamp(c.partialCredit, 0.0, 1.0) * share, 0.999);
      b.note = "compiles, " + std::to_string(native.samples - std::max<std::int64_t>(native.mismatches, 0)) + " of " +
               std::to_string(std::max<std::int64_t>(native.samples, 0)) + " samples match";
      break;
    }
    case Verdict::Pass:
      b.format = b.syntax = b.function = 1;
      if (c.ppaEnabled && ppaScore) b.ppa = ppaComponent(*ppaScore);
      b.note = c.ppaEnabled && !ppaScore ? "passes; no PPA figures" : "passes";
      break;
  }
  const double ppaWeight = c.ppaEnabled ? c.ppaWeight : 0.0;
  const double total = c.formatWeight + c.syntaxWeight + c.functionWeight + ppaWeight;
  if (total > 0)
    b.reward =
        (c.formatWeight * b.format + c.syntaxWeight * b.syntax + c.functionWeight * b.function + ppaWeight * b.ppa) / total;
  return b;
}

Status rewardConfigFromJson(const std::string& jsonText, const std::string& fileName, RewardConfig& out) {
  auto root = nlohmann::json::parse(jsonText, nullptr, false);
  if (root.is_discarded() || !root.is_object()) return makeError(ErrorCode::BadConfig, fileName + ": not a TOML table");
  if (!root.contains("reward")) return Ok{};
  const auto& t = root["reward"];
  if (!t.is_object()) return makeError(ErrorCode::BadConfig, fileName + ": 'reward' must be a table");
  auto number = [&](const std::string& key, double& into) -> Status {
    const auto& v = t[key];
    if (!v.is_number() || v.get<double>() < 0)
      return makeError(ErrorCode::BadConfig, fileName + ": 'reward." + key + "' must be a number >= 0");
    into = v.get<double>();
    return Ok{};
  };
  for (const auto& [key, value] : t.items()) {
    Status s = Ok{};
    if (key == "format")
      s = number(key, out.formatWeight);
    else if (key == "syntax")
      s = number(key, out.syntaxWeight);
    else if (key == "function")
      s = number(key, out.functionWeight);
    else if (key == "ppa")
      s = number(key, out.ppaWeight);
    else if (key == "partial_credit") {
      s = number(key, out.partialCredit);
      if (s && out.partialCredit > 1)
        return makeError(ErrorCode::BadConfig, fileName + ": 'reward.partial_credit' must be between 0 and 1");
    } else if (key == "ppa_enabled") {
      if (!value.is_boolean()) return makeError(ErrorCode::BadConfig, fileName + ": 'reward.ppa_enabled' must be true or false");
      out.ppaEnabled = value.get<bool>();
    } else {
      return makeError(ErrorCode::BadConfig, fileName + ": unknown key 'reward." + key +
                                                 "' (format, syntax, function, ppa, partial_credit, ppa_enabled)");
    }
    if (!s) return s;
  }
  if (out.formatWeight + out.syntaxWeight + out.functionWeight + (out.ppaEnabled ? out.ppaWeight : 0) <= 0)
    return makeError(ErrorCode::BadConfig, fileName + ": the reward weights add up to 0");
  return Ok{};
}

}  // namespace rtlarena
