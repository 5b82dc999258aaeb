// Judging nl2sva answers by formal equivalence with the reference assertion on the task's
// testbench, as FVEval does with a commercial tool: the reference is assumed while the answer is
// proven (does the reference imply the answer?), then the answer is assumed while the reference is
// proven (does the answer imply the reference?). Both: equivalent. The first check also tells
// whether the answer is valid SVA at all (the syntax score); labels are renamed so the two sides
// cannot clash.
#include <nlohmann/json.hpp>
#include <regex>

#include "rtlarena/core/text.h"
#include "rtlarena/formal/answer_judge.h"
#include "rtlarena/formal/props_file.h"

namespace rtlarena::formal {

namespace {

// The answer's (or reference's) assertions with `assert` turned into `keyword` and each
// labelled `prefix_N`: the text between items is kept (checker modules, declarations).
std::string relabel(const std::string& props, const std::string& keyword, const std::string& prefix) {
  PropsSet set = scanPropsFiles({{"p.sv", props}});
  std::string out;
  std::size_t pos = 0;
  int n = 0;
  static const std::regex head(R"(^\s*(?:[A-Za-z_][A-Za-z0-9_$]*\s*:\s*)?assert\b)");
  for (const auto& a : set.assertions) {
    if (a.kind != AssertionKind::Assert || a.begin < pos) continue;
    std::string item = props.substr(a.begin, a.end - a.begin);
    item = std::regex_replace(item, head, prefix + "_" + std::to_string(n++) + ": " + keyword,
                              std::regex_constants::format_first_only);
    out += props.substr(pos, a.begin - pos) + item;
    pos = a.end;
  }
  return out + props.substr(pos);
}

Evaluation verdictOf(Verdict v, std::string cls, std::string message) {
  Evaluation e;
  e.verdict = v;
  e.cls = std::move(cls);
  e.message = std::move(message);
  e.simulator = "formal";
  return e;
}

// Whether every assertion of the side being proven holds (proven, or vacuous: it holds on every
// trace the assumption allows, there being none that reaches its antecedent).
bool allHold(const CheckReport& r, const std::string& prefix) {
  int seen = 0;
  for (const auto& a : r.assertions) {
    if (!startsWith(a.name, prefix + "_")) continue;
    ++seen;
    if (a.verdict != FormalVerdict::Proven && a.verdict != FormalVerdict::Vacuous) return false;
  }
  return seen > 0;
}

std::string firstProblem(const CheckReport& r, const std::string& prefix) {
  for (const auto& a : r.assertions)
    if (startsWith(a.name, prefix + "_") && a.verdict != FormalVerdict::Proven && a.verdict != FormalVerdict::Vacuous)
      return std::string(formalVerdictName(a.verdict)) + (a.message.empty() ? "" : ": " + a.message);
  return "";
}

}  // namespace

std::string_view relationName(Relation r) {
  switch (r) {
    case Relation::Equivalent: return "equivalent";
    case Relation::Implies: return "implies";
    case Relation::ImpliedBy: return "implied_by";
    case Relation::Unrelated: return "unrelated";
  }
  return "unrelated";
}

FormalJudgement judgeNl2svaAnswer(const Task& task, const std::string& answer, const CheckOptions& options) {
  FormalJudgement j;
  nlohmann::json detail = {{"kind", "nl2sva"}, {"syntax_ok", false}, {"relation", nullptr}};
  double seconds = 0;
  auto done = [&](Evaluation e) {
    e.wallSeconds = seconds;
    j.eval = std::move(e);
    j.detailJson = detail.dump();
    return j;
  };
  if (trim(answer).empty()) return done(verdictOf(Verdict::NoCode, "none", "no assertion was extracted from the answer"));
  if (auto word = constrainingConstruct(answer))
    return done(verdictOf(Verdict::PolicyViolation, *word,
                          "the answer uses '" + *word + "', which could constrain the design; the answer may only assert"));
  if (auto why = designInterference(answer, task.reference))
    return done(verdictOf(Verdict::PolicyViolation, "drives_design", "the answer " + *why + "; the answer may only assert"));
  const std::string ref = task.goldenCandidate;
  auto check = [&](const std::string& assumed, const std::string& proven) -> Result<CheckReport> {
    CheckRequest req = taskCheckRequest(task, {{"assumed.sv", assumed}, {"proven.sv", proven}});
    req.alignAttempts = true;  // both sides speak of the same attempts
    auto r = checkAssertions(req, options);
    if (r) seconds += r->seconds;
    return r;
  };
  auto failed = [&](const Error& e) {
    return e.code == ErrorCode::Parse ? verdictOf(Verdict::SyntaxError, "elaboration", e.message)
                                      : verdictOf(Verdict::HarnessError, "", e.describe());
  };
  // 1. The reference assumed, the answer proven: its verdicts also say whether it is valid SVA.
  auto backward = check(relabel(ref, "assume", "ref"), relabel(answer, "assert", "ans"));
  if (!backward) return done(failed(backward.error()));
  int answerItems = 0;
  for (const auto& a : backward->assertions) {
    if (!startsWith(a.name, "ans_")) continue;
    ++answerItems;
    if (a.verdict == FormalVerdict::SyntaxError || a.verdict == FormalVerdict::Unsupported) {
      detail["answer_verdict"] = formalVerdictName(a.verdict);
      Evaluation e = verdictOf(Verdict::SyntaxError, std::string(formalVerdictName(a.verdict)), a.message);
      e.simSeconds = seconds;
      return done(e);
    }
  }
  if (answerItems == 0) return done(verdictOf(Verdict::SyntaxError, "no_assertions", "the answer holds no `assert property`"));
  detail["syntax_ok"] = true;
  const bool impliedBy = allHold(*backward, "ans");
  // 2. The answer assumed, the reference proven.
  auto forward = check(relabel(answer, "assume", "ans"), relabel(ref, "assert", "ref"));
  if (!forward) return done(failed(forward.error()));
  const bool implies = allHold(*forward, "ref");
  const Relation rel = implies && impliedBy ? Relation::Equivalent
                       : implies           ? Relation::Implies
                       : impliedBy         ? Relation::ImpliedBy
                                           : Relation::Unrelated;
  detail["relation"] = relationName(rel);
  detail["reference_implies_answer"] = impliedBy;
  detail["answer_implies_reference"] = implies;
  Evaluation e;
  e.simulator = "formal";
  e.samples = 1;
  e.mismatches = rel == Relation::Equivalent ? 0 : 1;
  e.simSeconds = seconds;
  if (rel == Relation::Equivalent) {
    e.verdict = Verdict::Pass;
    e.message = "equivalent to the reference";
  } else {
    e.verdict = Verdict::Mismatch;
    e.cls = std::string(relationName(rel));
    e.message = rel == Relation::Implies     ? "stronger than the reference (the reference fails to imply it: " +
                                                   firstProblem(*backward, "ans") + ")"
                : rel == Relation::ImpliedBy ? "weaker than the reference (it does not imply the reference: " +
                                                   firstProblem(*forward, "ref") + ")"
                                             : "not equivalent to the reference in either direction";
  }
  return done(e);
}

}  // namespace rtlarena::formal
