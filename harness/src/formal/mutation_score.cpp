// Mutation scoring of assertions (mutation_score.h): the mutants and their equivalence verdicts
// come from the cache; each non-equivalent mutant stands in for the design in a check of the
// assertions proven on the design, with the clock and reset the design's check resolved.
#include "rtlarena/formal/mutation_score.h"

#include <fmt/format.h>

#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>

#include "rtlarena/core/worker_pool.h"

namespace rtlarena::formal {

namespace {

using nlohmann::json;

// The check of one mutant: the design replaced by it; the clock and reset fixed to what the
// design's check used, so that every mutant is checked under the same settings.
CheckRequest mutantRequest(const CheckRequest& request, const CheckReport& onDesign, const std::string& code,
                           const std::set<int>& counted) {
  CheckRequest m = request;
  m.design = {{"mutant.v", code}};
  m.clock = onDesign.clock;
  if (onDesign.reset.empty()) {
    m.reset.mode = ResetChoice::Mode::None;
  } else {
    m.reset.mode = ResetChoice::Mode::Given;
    m.reset.name = onDesign.reset;
    m.reset.activeHigh = onDesign.resetActiveHigh ? 1 : 0;
  }
  m.onlyAssertions = counted;
  return m;
}

void checkMutant(const CheckRequest& request, const CheckReport& onDesign, const CheckOptions& check,
                 const std::set<int>& counted, const std::string& code, MutantOutcome& out) {
  auto report = checkAssertions(mutantRequest(request, onDesign, code, counted), check);
  if (!report) {
    out.problem = report.error().message;
    return;
  }
  for (int i : counted) {
    if (i >= static_cast<int>(report->assertions.size())) continue;
    const AssertionVerdict& a = report->assertions[static_cast<std::size_t>(i)];
    if (a.verdict == FormalVerdict::Cex) out.caughtBy.push_back(a.name);
    else if (a.verdict != FormalVerdict::Proven && a.verdict != FormalVerdict::Vacuous) out.undecided.push_back(a.name);
  }
  out.caught = !out.caughtBy.empty();
}

}  // namespace

Result<MutationScore> scoreByMutants(const CheckRequest& request, const CheckReport& onDesign, const CheckOptions& check,
                                     const MutationScoreOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  MutationScore score;
  score.seed = static_cast<int>(options.seed);
  score.mutantsAsked = options.mutants;
  std::set<int> counted;
  for (std::size_t i = 0; i < onDesign.assertions.size(); ++i) {
    const AssertionVerdict& a = onDesign.assertions[i];
    AssertionCatches c;
    c.name = a.name;
    c.line = a.line;
    c.onDesign = a.verdict;
    c.counted = a.verdict == FormalVerdict::Proven;
    if (c.counted) counted.insert(static_cast<int>(i));
    score.assertions.push_back(std::move(c));
  }
  score.countedAssertions = static_cast<int>(counted.size());

  DesignMutantsRequest dr;
  dr.design = request.design;
  dr.top = request.top;
  dr.reset = onDesign.reset;
  dr.resetActiveLow = !onDesign.reset.empty() && !onDesign.resetActiveHigh;
  dr.count = options.mutants;
  dr.seed = options.seed;
  dr.equivBound = options.equivBound;
  dr.equivTimeout = std::chrono::milliseconds(static_cast<long long>(options.equivSeconds * 1000));
  DesignMutantsOptions mo;
  mo.sandbox = check.sandbox;
  mo.workRoot = check.workRoot;
  mo.jobs = options.jobs;
  MutantCache local;
  auto mutants = (options.cache ? *options.cache : local).get(dr, mo);
  if (!mutants) return mutants.error();
  score.mutantsFromCache = (*mutants)->fromCache;

  for (const JudgedMutant& jm : (*mutants)->mutants) {
    MutantOutcome o;
    o.index = jm.mutant.index;
    o.description = jm.mutant.description;
    o.mutation = jm.mutant.command;
    o.equivalence = jm.equivalence;
    o.equivReason = jm.reason;
    score.outcomes.push_back(std::move(o));
  }
  score.mutants = static_cast<int>(score.outcomes.size());

  // Only the faults are checked, and only when some assertion can catch them.
  CheckOptions perMutant = check;
  perMutant.traceDir.clear();
  perMutant.keepJobDir = false;
  std::vector<std::size_t> faults;
  for (std::size_t i = 0; i < score.outcomes.size(); ++i)
    if (score.outcomes[i].equivalence == equiv::EquivVerdict::NotEquivalent) faults.push_back(i);
  if (!counted.empty()) {
    const auto& list = (*mutants)->mutants;
    if (options.jobs <= 1 || faults.size() <= 1) {
      for (std::size_t i : faults) checkMutant(request, onDesign, perMutant, counted, list[i].mutant.code, score.outcomes[i]);
    } else {
      perMutant.jobs = 1;  // the mutants are the parallel unit
      WorkerPool pool(std::min<unsigned>(options.jobs, static_cast<unsigned>(faults.size())));
      for (std::size_t i : faults)
        pool.submit([&, i] { checkMutant(request, onDesign, perMutant, counted, list[i].mutant.code, score.outcomes[i]); });
      pool.wait();
    }
  }

  for (const MutantOutcome& o : score.outcomes) {
    switch (o.equivalence) {
      case equiv::EquivVerdict::Equivalent: ++score.equivalent; break;
      case equiv::EquivVerdict::Unknown: ++score.unknown; break;
      case equiv::EquivVerdict::NotEquivalent:
        ++score.nonEquivalent;
        score.caught += o.caught ? 1 : 0;
        break;
    }
    for (const std::string& name : o.caughtBy)
      for (auto& a : score.assertions)
        if (a.counted && a.name == name) a.caught.push_back(o.index);
  }
  if (score.nonEquivalent > 0) score.score = static_cast<double>(score.caught) / score.nonEquivalent;
  score.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return score;
}

std::string describeScore(const MutationScore& s) {
  if (!s.score) return "none (no non-equivalent mutant)";
  return fmt::format("{}/{} ({:.1f}%)", s.caught, s.nonEquivalent, *s.score * 100);
}

std::string mutationScoreToJson(const MutationScore& s) {
  json assertions = json::array();
  for (const auto& a : s.assertions)
    assertions.push_back({{"name", a.name},
                          {"line", a.line},
                          {"on_design", std::string(formalVerdictName(a.onDesign))},
                          {"counted", a.counted},
                          {"catches", a.caught}});
  json detail = json::array();
  for (const auto& o : s.outcomes) {
    json d = {{"index", o.index},
              {"mutation", o.mutation},
              {"description", o.description},
              {"equivalence", std::string(equiv::equivVerdictName(o.equivalence))},
              {"equivalence_reason", o.equivReason},
              {"caught", o.caught},
              {"caught_by", o.caughtBy},
              {"undecided", o.undecided}};
    if (!o.problem.empty()) d["problem"] = o.problem;
    detail.push_back(std::move(d));
  }
  return json{{"mutants_asked", s.mutantsAsked},
              {"mutants", s.mutants},
              {"seed", s.seed},
              {"equivalent", s.equivalent},
              {"unknown", s.unknown},
              {"non_equivalent", s.nonEquivalent},
              {"caught", s.caught},
              {"score", s.score ? json(*s.score) : json(nullptr)},
              {"counted_assertions", s.countedAssertions},
              {"mutants_from_cache", s.mutantsFromCache},
              {"seconds", s.seconds},
              {"assertions", assertions},
              {"mutants_detail", detail}}
      .dump();
}

std::string mutationScoreToText(const MutationScore& s) {
  std::string out = fmt::format("\nmutation score (seed {}): {} mutants, {} equivalent, {} unknown, {} not equivalent\n",
                                s.seed, s.mutants, s.equivalent, s.unknown, s.nonEquivalent);
  for (const auto& a : s.assertions) {
    if (!a.counted) {
      out += fmt::format("  {:<24} not counted ({} on the design)\n", a.name, formalVerdictName(a.onDesign));
      continue;
    }
    std::string list;
    for (int i : a.caught) list += (list.empty() ? "" : " ") + ("#" + std::to_string(i));
    out += fmt::format("  {:<24} catches {} mutant(s){}{}\n", a.name, a.caught.size(), list.empty() ? "" : ": ", list);
  }
  for (const auto& o : s.outcomes) {
    if (o.equivalence != equiv::EquivVerdict::NotEquivalent || o.caught) continue;
    out += fmt::format("  escaped #{}: {}{}\n", o.index, o.description,
                       !o.problem.empty()     ? " (check failed: " + o.problem + ")"
                       : o.undecided.empty() ? ""
                                              : " (undecided on it: " + std::to_string(o.undecided.size()) + " assertion(s))");
  }
  out += "mutation score: " + describeScore(s) + "\n";
  return out;
}

}  // namespace rtlarena::formal
