// Verdict names as stored and printed.
#include "rtlarena/eval/verdict.h"

#include <array>
#include <utility>

namespace rtlarena {
namespace {
constexpr std::array<std::pair<Verdict, std::string_view>, 10> kNames = {{
    {Verdict::Pass, "pass"},
    {Verdict::NoCode, "no_code"},
    {Verdict::PolicyViolation, "policy_violation"},
    {Verdict::SyntaxError, "syntax_error"},
    {Verdict::CompileError, "compile_error"},
    {Verdict::SimTimeout, "sim_timeout"},
    {Verdict::SimCrash, "sim_crash"},
    {Verdict::Mismatch, "mismatch"},
    {Verdict::HarnessError, "harness_error"},
    {Verdict::LlmError, "llm_error"},
}};
}  // namespace

std::string_view verdictName(Verdict v) {
  for (const auto& [verdict, name] : kNames)
    if (verdict == v) return name;
  return "unknown";
}

std::optional<Verdict> verdictFromName(std::string_view name) {
  for (const auto& [verdict, n] : kNames)
    if (n == name) return verdict;
  return std::nullopt;
}

}  // namespace rtlarena
