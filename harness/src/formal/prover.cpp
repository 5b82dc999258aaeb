// ABC and yosys-smtbmc runs (see prover.h). ABC's time limits (-T) are
// cooperative; the process deadline behind them is what guarantees that a stuck
// solver ends.
#include "rtlarena/formal/prover.h"

#include <algorithm>
#include <cstdio>
#include <regex>
#include <sstream>

#include "rtlarena/core/text.h"

namespace rtlarena::formal {
namespace {

std::string fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", std::max(0.05, v));
  return buf;
}

// One output's cone. Assertions usually hold and monitors are usually
// inductive, so cheap k-induction goes first, after the short bounded search
// that is its base case (and finds shallow counterexamples); a bounded search then gives the shortest deeper
// counterexample, and pdr proves what induction could not. Vacuity probes
// usually fail (the antecedent is reachable), so they start with the search.
std::string problemScript(const std::string &aig, int output, bool probe,
                          int frames, double seconds) {
  std::string s = "read_aiger " + aig + "; fold; cone -O " +
                  std::to_string(output) + " -s; scleanup; strash; ";
  // ABC's `ind` checks only the inductive step: the base case (no failure in the
  // first 8 frames) must come from a bounded search first, or a property that
  // fails early but whose failure is not reachable from a run of good states
  // would be "proven".
  if (!probe)
    s += "bmc3 -F 9 -T " + fixed(seconds * 0.1) + "; ind -F 8 -T " +
         fixed(seconds * 0.1) + "; ";
  return s + "bmc3 -F " + std::to_string(frames) + " -T " +
         fixed(std::min(2.0, seconds * 0.2)) + "; pdr -T " +
         fixed(seconds * 0.6) + "; print_status; ";
}

// Several outputs of one check: it fails if any fails, holds if all hold.
SolverAnswer combine(const std::vector<SolverAnswer> &answers) {
  if (answers.empty())
    return SolverAnswer::NoProperty;
  for (SolverAnswer a : answers)
    if (a == SolverAnswer::Failed)
      return a;
  for (SolverAnswer a : answers)
    if (a == SolverAnswer::Killed)
      return a;
  for (SolverAnswer a : answers)
    if (a != SolverAnswer::Proven)
      return SolverAnswer::Undecided;
  return SolverAnswer::Proven;
}

} // namespace

AbcOutcome parseAbcLog(const std::string &log, std::size_t assertionOutputs,
                       std::size_t coverOutputs) {
  static const std::regex failedRe(R"(was asserted in frame (\d+))");
  static const std::regex boundRe(R"(No output asserted in (\d+) frames)");
  static const std::regex statusRe(R"(Status = (-?\d+))");
  AbcOutcome out;
  std::vector<SolverAnswer> answers;
  std::vector<int> frames, bounds;
  int frame = -1, bound = 0;
  for (std::string_view lv : splitLines(log)) {
    std::string line(lv);
    std::smatch m;
    if (std::regex_search(line, m, failedRe) && frame < 0)
      frame = std::stoi(m[1].str());
    if (std::regex_search(line, m, boundRe))
      bound = std::max(bound, std::stoi(m[1].str()));
    if (std::regex_search(line, m, statusRe)) {
      int s = std::stoi(m[1].str());
      // A counterexample found by any engine of the script is final: `ind`
      // after a failing search still reports its (base-case-free) step as
      // proven and overwrites the status.
      answers.push_back(frame >= 0 ? SolverAnswer::Failed
                        : s == 1   ? SolverAnswer::Proven
                        : s == 0 ? SolverAnswer::Failed
                                 : SolverAnswer::Undecided);
      frames.push_back(std::max(frame, 0));
      bounds.push_back(bound);
      frame = -1;
      bound = 0;
    }
  }
  // Outputs whose status line never came: the process was cut short.
  while (answers.size() < assertionOutputs + coverOutputs) {
    answers.push_back(SolverAnswer::Killed);
    frames.push_back(0);
    bounds.push_back(0);
  }
  std::vector<SolverAnswer> a(
      answers.begin(), answers.begin() + static_cast<long>(assertionOutputs));
  std::vector<SolverAnswer> c(
      answers.begin() + static_cast<long>(assertionOutputs),
      answers.begin() + static_cast<long>(assertionOutputs + coverOutputs));
  out.assertion = combine(a);
  out.cover = coverOutputs ? combine(c) : SolverAnswer::NoProperty;
  out.boundReached = 0;
  for (std::size_t i = 0; i < assertionOutputs; ++i) {
    if (answers[i] == SolverAnswer::Failed &&
        (out.frame == 0 || frames[i] < out.frame))
      out.frame = frames[i];
    out.boundReached = std::max(out.boundReached, bounds[i]);
  }
  return out;
}

Result<AbcOutcome> runAbc(const std::string &jobDir, const std::string &aig,
                          const std::vector<int> &assertionOutputs,
                          const std::vector<int> &coverOutputs,
                          const ProverSettings &s) {
  // Most failing assertions fail within a few cycles: a short bounded search
  // first gives the shortest counterexample; pdr then proves or finds a deeper
  // one.
  const double share = coverOutputs.empty() ? 0.9 : 0.7;
  const double main =
      s.seconds * share /
      static_cast<double>(std::max<std::size_t>(1, assertionOutputs.size()));
  const double probe =
      s.seconds * 0.2 /
      static_cast<double>(std::max<std::size_t>(1, coverOutputs.size()));
  std::string script;
  for (int o : assertionOutputs)
    script += problemScript(aig, o, false, s.bmcFrames, main);
  for (int o : coverOutputs)
    script += problemScript(aig, o, true, s.bmcFrames, probe);
  ProcessSpec spec;
  spec.argv = {s.abc, "-c", script};
  spec.workDir = jobDir;
  spec.env = defaultToolEnv(jobDir);
  // ABC's own limits end it first; the deadline is for a solver that ignores
  // them.
  spec.deadline = std::chrono::milliseconds(
      static_cast<long>((s.seconds + std::max(2.0, s.seconds * 0.5)) * 1000));
  spec.killGrace = std::chrono::milliseconds(200);
  spec.limits.cpuSeconds = s.seconds + 5;
  spec.limits.addressSpace = 4ull << 30;
  spec.limits.fileSize = 256ull << 20;
  spec.outputCap = 256 * 1024;
  auto r = runSandboxed(spec, s.sandbox);
  if (!r)
    return r.error();
  AbcOutcome out = parseAbcLog(r->out + r->err, assertionOutputs.size(),
                               coverOutputs.size());
  out.seconds = r->wallSeconds;
  out.log = tailLines(r->out + r->err, 20, 4096);
  return out;
}

Result<ProcessResult> runSmtbmcTrace(const std::string &jobDir, int steps,
                                     double seconds, const ProverSettings &s) {
  ProcessSpec spec;
  spec.argv = {
      s.smtbmc,     "-s",        "z3",        "-t", std::to_string(steps),
      "--dump-vcd", "trace.vcd", "model.smt2"};
  spec.workDir = jobDir;
  spec.env = defaultToolEnv(jobDir);
  spec.deadline = std::chrono::milliseconds(static_cast<long>(seconds * 1000));
  spec.killGrace = std::chrono::milliseconds(200);
  spec.limits.addressSpace = 4ull << 30;
  spec.limits.fileSize = 256ull << 20;
  return runSandboxed(spec, s.sandbox);
}

} // namespace rtlarena::formal
