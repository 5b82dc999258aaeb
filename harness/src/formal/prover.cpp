// ABC and yosys-smtbmc runs (see prover.h). ABC's time limits (-T) are cooperative; the process
// deadline behind them is what guarantees that a stuck solver ends.
#include "rtlarena/formal/prover.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
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

std::string problemScript(const std::string& aig, int frames, double bmcSeconds, double pdrSeconds) {
  return "read_aiger " + aig + "; fold; strash; bmc3 -F " + std::to_string(frames) + " -T " + fixed(bmcSeconds) +
         "; pdr -T " + fixed(pdrSeconds) + "; print_status; ";
}

}  // namespace

int aigerProperties(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string header;
  if (!in || !std::getline(in, header)) return -1;
  std::istringstream h(header);
  std::string magic;
  long m = 0, i = 0, l = 0, o = 0, a = 0, b = 0, c = 0;
  h >> magic >> m >> i >> l >> o >> a;
  if (magic != "aig" && magic != "aag") return -1;
  h >> b >> c;  // absent in AIGER 1.0 headers
  return static_cast<int>(o + b);
}

AbcOutcome parseAbcLog(const std::string& log, bool withCover) {
  static const std::regex failedRe(R"(was asserted in frame (\d+))");
  static const std::regex boundRe(R"(No output asserted in (\d+) frames)");
  static const std::regex statusRe(R"(Status = (-?\d+))");
  AbcOutcome out;
  int problem = 0;
  int frame = -1, bound = 0;
  for (std::string_view lv : splitLines(log)) {
    std::string line(lv);
    std::smatch m;
    if (std::regex_search(line, m, failedRe) && frame < 0) frame = std::stoi(m[1].str());
    if (std::regex_search(line, m, boundRe)) bound = std::max(bound, std::stoi(m[1].str()));
    if (std::regex_search(line, m, statusRe)) {
      int s = std::stoi(m[1].str());
      SolverAnswer answer = s == 1 ? SolverAnswer::Proven : s == 0 ? SolverAnswer::Failed : SolverAnswer::Undecided;
      if (problem == 0) {
        out.assertion = answer;
        out.frame = std::max(frame, 0);
        out.boundReached = bound;
      } else if (problem == 1) {
        out.cover = answer;
      }
      ++problem;
      frame = -1;
      bound = 0;
    }
  }
  // A problem whose status line never came: the process was cut short.
  if (problem == 0) out.assertion = SolverAnswer::Killed;
  if (withCover && problem < 2) out.cover = SolverAnswer::Killed;
  return out;
}

Result<AbcOutcome> runAbc(const std::string& jobDir, const std::string& assertionAig, const std::string& coverAig,
                          const ProverSettings& s) {
  const bool withCover = !coverAig.empty();
  // Most failing assertions fail within a few cycles: a short bounded search first gives the
  // shortest counterexample; pdr then proves or finds a deeper one.
  const double main = withCover ? s.seconds * 0.7 : s.seconds * 0.9;
  std::string script = problemScript(assertionAig, s.bmcFrames, std::min(2.0, main * 0.25), main * 0.7);
  if (withCover) script += problemScript(coverAig, s.bmcFrames, std::min(1.0, s.seconds * 0.05), s.seconds * 0.15);
  ProcessSpec spec;
  spec.argv = {s.abc, "-c", script};
  spec.workDir = jobDir;
  spec.env = defaultToolEnv(jobDir);
  // ABC's own limits end it first; the deadline is for a solver that ignores them.
  spec.deadline = std::chrono::milliseconds(static_cast<long>((s.seconds + std::max(2.0, s.seconds * 0.5)) * 1000));
  spec.killGrace = std::chrono::milliseconds(200);
  spec.limits.cpuSeconds = s.seconds + 5;
  spec.limits.addressSpace = 4ull << 30;
  spec.limits.fileSize = 256ull << 20;
  spec.outputCap = 256 * 1024;
  auto r = runSandboxed(spec, s.sandbox);
  if (!r) return r.error();
  AbcOutcome out = parseAbcLog(r->out + r->err, withCover);
  out.seconds = r->wallSeconds;
  out.log = tailLines(r->out + r->err, 20, 4096);
  if (r->timedOut) {
    if (out.assertion == SolverAnswer::Undecided) out.assertion = SolverAnswer::Killed;
    if (out.cover == SolverAnswer::Undecided) out.cover = SolverAnswer::Killed;
  }
  return out;
}

Result<ProcessResult> runSmtbmcTrace(const std::string& jobDir, int steps, double seconds, const ProverSettings& s) {
  ProcessSpec spec;
  spec.argv = {s.smtbmc, "-s", "z3", "-t", std::to_string(steps), "--dump-vcd", "trace.vcd", "model.smt2"};
  spec.workDir = jobDir;
  spec.env = defaultToolEnv(jobDir);
  spec.deadline = std::chrono::milliseconds(static_cast<long>(seconds * 1000));
  spec.killGrace = std::chrono::milliseconds(200);
  spec.limits.addressSpace = 4ull << 30;
  spec.limits.fileSize = 256ull << 20;
  return runSandboxed(spec, s.sandbox);
}

}  // namespace rtlarena::formal
