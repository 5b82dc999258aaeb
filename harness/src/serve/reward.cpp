// Reward shaping (see reward.h). Every branch reads the verdict the evaluator
// gave; nothing here looks at the candidate's text.
#include "rtlarena/serve/reward.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace rtlarena {

double ppaComponent(double score) { return std::clamp(1.5 - score, 0.0, 1.0); }

namespace {

constexpr std::pair<FunctionJudge, std::string_view> kJudgeNames[] = {
    {FunctionJudge::Testbench, "testbench"}, {FunctionJudge::Differential, "differential"}, {FunctionJudge::Equiv, "equiv"}};

void weigh(const RewardConfig& c, RewardBreakdown& b) {
  const double ppaWeight = c.ppaEnabled ? c.ppaWeight : 0.0;
  const double total = c.formatWeight + c.syntaxWeight + c.functionWeight + ppaWeight;
  b.reward = total > 0 ? (c.formatWeight * b.format + c.syntaxWeight * b.syntax + c.functionWeight * b.function +
                          ppaWeight * b.ppa) /
                             total
                       : 0;
}

// The testbench's partial share of a compiling answer: never full credit.
double testbenchShare(const RewardConfig& c, const Evaluation& native) {
  double share = 0;
  if (native.verdict == Verdict::Pass) share = 1;
  if (native.verdict == Verdict::Mismatch && native.samples > 0 && native.mismatches >= 0 &&
      native.mismatches <= native.samples)
    share = static_cast<double>(native.samples - native.mismatches) / static_cast<double>(native.samples);
  return std::min(std::clamp(c.partialCredit, 0.0, 1.0) * share, 0.999);
}

}  // namespace

std::string_view functionJudgeName(FunctionJudge judge) {
  for (const auto& [j, name] : kJudgeNames)
    if (j == judge) return name;
  return "testbench";
}

std::optional<FunctionJudge> functionJudgeFromName(std::string_view name) {
  for (const auto& [j, n] : kJudgeNames)
    if (n == name) return j;
  return std::nullopt;
}

FunctionJudge RewardConfig::judgeFor(const std::string& suite) const {
  auto it = suiteJudges.find(suite);
  return it == suiteJudges.end() ? functionJudge : it->second;
}

RewardBreakdown shapeJudgedReward(const RewardConfig& c, FunctionJudge judge, const Evaluation& native,
                                  const Evaluation* function, std::optional<double> ppaScore) {
  if (judge == FunctionJudge::Testbench || !function) return shapeReward(c, native, ppaScore);
  if (judge == FunctionJudge::Differential) {
    // The differential bench's verdict is an Evaluator verdict like the testbench's, its
    // samples the random sequences: the same shaping, exactly what `eval --judge differential`
    // gives.
    RewardBreakdown b = shapeReward(c, *function, ppaScore);
    b.note = "differential: " + b.note;
    return b;
  }
  RewardBreakdown b;
  b.format = b.syntax = 1;
  if (function->passed()) {
    b.function = 1;
    if (c.ppaEnabled && ppaScore) b.ppa = ppaComponent(*ppaScore);
    b.note = "proved equivalent to the reference";
  } else if (function->cls == "not_equivalent") {
    b.function = c.notEquivalentKeepsTestbenchShare ? testbenchShare(c, native) : 0;
    b.note = "not equivalent: " + function->message;
  } else {
    b.function = testbenchShare(c, native);  // unknown: never full credit
    b.note = "equivalence unknown (" + function->message + "): the testbench's partial share";
  }
  weigh(c, b);
  return b;
}

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
  weigh(c, b);
  return b;
}

namespace {

Result<FunctionJudge> judgeNamed(const nlohmann::json& v, const std::string& where) {
  if (v.is_string())
    if (auto j = functionJudgeFromName(v.get<std::string>())) return *j;
  return makeError(ErrorCode::BadConfig, where + " must be \"testbench\", \"differential\" or \"equiv\"");
}

// [function]: which judge decides the function component, per suite, and its budget.
Status readFunctionTable(const nlohmann::json& root, const std::string& fileName, RewardConfig& out) {
  if (!root.contains("function")) return Ok{};
  const auto& t = root["function"];
  if (!t.is_object()) return makeError(ErrorCode::BadConfig, fileName + ": 'function' must be a table");
  auto count = [&](const std::string& key, int most, int& into) -> Status {
    const auto& v = t[key];
    if (!v.is_number_integer() || v.get<long long>() < 1 || v.get<long long>() > most)
      return makeError(ErrorCode::BadConfig,
                       fileName + ": 'function." + key + "' must be a whole number from 1 to " + std::to_string(most));
    into = v.get<int>();
    return Ok{};
  };
  for (const auto& [key, value] : t.items()) {
    const std::string where = fileName + ": 'function." + key + "'";
    if (key == "judge") {
      auto j = judgeNamed(value, where);
      if (!j) return j.error();
      out.functionJudge = *j;
    } else if (key == "sequences") {
      if (auto s = count(key, 1024, out.differential.sequences); !s) return s;
    } else if (key == "cycles") {
      if (auto s = count(key, 100000, out.differential.cycles); !s) return s;
    } else if (key == "not_equivalent") {
      if (!value.is_string() || (value != "zero" && value != "testbench"))
        return makeError(ErrorCode::BadConfig, where + " must be \"zero\" or \"testbench\"");
      out.notEquivalentKeepsTestbenchShare = value == "testbench";
    } else if (key == "equiv_timeout_seconds") {
      if (!value.is_number() || value.get<double>() <= 0)
        return makeError(ErrorCode::BadConfig, where + " must be a number > 0");
      out.equivTimeoutSeconds = value.get<double>();
    } else if (key == "suites") {
      if (!value.is_object()) return makeError(ErrorCode::BadConfig, where + " must be a table of suite = judge");
      for (const auto& [suite, judge] : value.items()) {
        auto j = judgeNamed(judge, fileName + ": 'function.suites." + suite + "'");
        if (!j) return j.error();
        out.suiteJudges[suite] = *j;
      }
    } else {
      return makeError(ErrorCode::BadConfig, fileName + ": unknown key 'function." + key +
                                                 "' (judge, sequences, cycles, not_equivalent, equiv_timeout_seconds, suites)");
    }
  }
  return Ok{};
}

}  // namespace

Status rewardConfigFromJson(const std::string& jsonText, const std::string& fileName, RewardConfig& out) {
  auto root = nlohmann::json::parse(jsonText, nullptr, false);
  if (root.is_discarded() || !root.is_object()) return makeError(ErrorCode::BadConfig, fileName + ": not a TOML table");
  if (auto s = readFunctionTable(root, fileName, out); !s) return s;
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
