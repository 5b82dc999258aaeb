// VerilogEval v2's test and analysis steps, reimplemented from the published rules: the
// Makefile's `iverilog -Wall -Winfloop -Wno-timescale -g2012 -s tb -o BIN sample test ref`, then
// `timeout 30 ./BIN` appending `TIMEOUT` on exit 124, all into one log; then sv-iv-analyze's
// line-by-line failure codes. Where our limits differ from the original's (an output cap, a
// memory guard, a compile deadline) the outcome is mapped to what the original would most
// likely have logged. Both steps run in our sandbox; nothing else of ours (policy
// check, native verdicts) is applied, so the code is what the original would print.
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <regex>

#include "rtlarena/core/files.h"
#include "rtlarena/core/text.h"
#include "rtlarena/eval/classify.h"
#include "rtlarena/eval/verilogeval_compat.h"

#include "rtlarena/eval/isolation.h"

namespace rtlarena {

namespace fs = std::filesystem;

namespace {

// Python's text-mode file iteration: universal newlines, each line without its terminator.
std::vector<std::string> logLines(const std::string& log) {
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 0; i < log.size(); ++i) {
    if (log[i] == '\n' || log[i] == '\r') {
      if (log[i] == '\r' && i + 1 < log.size() && log[i + 1] == '\n') ++i;
      out.push_back(cur);
      cur.clear();
    } else {
      cur += log[i];
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

Verdict verdictOfCode(char code) {
  switch (code) {
    case '.': return Verdict::Pass;
    case 'S': return Verdict::SyntaxError;
    case 'T': return Verdict::SimTimeout;
    case 'r':
    case 'R': return Verdict::Mismatch;
    default: return Verdict::CompileError;
  }
}

}  // namespace

char classifyVerilogEvalLog(const std::string& log, const std::string& sampleCode) {
  static const std::regex mismatchRe("^Mismatches: ([0-9]+) in [0-9]+ samples$");
  char code = '?';
  bool compileFlag = false, bindFlag = false, noMismatch = false;
  for (const auto& line : logLines(log)) {
    if (contains(line, "syntax error")) { code = 'S'; break; }
    if (contains(line, "error")) compileFlag = true;
    if (contains(line, "error: This assignment requires an explicit cast")) { code = 'e'; break; }
    if (contains(line, "error: Sized numeric constant must have a size greater than zero")) { code = '0'; break; }
    if (contains(line, "warning: always_comb process has no sensitivities")) { code = 'n'; break; }
    if (contains(line, "found no sensitivities so it will never trigger")) { code = 'n'; break; }
    if (contains(line, "is declared here as wire")) { code = 'w'; break; }
    if (contains(line, "Unknown module type")) { code = 'm'; break; }
    if (contains(line, "Unable to bind wire/reg")) bindFlag = true;
    if (contains(line, "Unable to bind wire/reg/memory `clk'")) { code = 'c'; break; }
    if (contains(line, "TIMEOUT")) { code = 'T'; break; }
    std::smatch m;
    if (std::regex_match(line, m, mismatchRe) && m[1].str().find_first_not_of('0') == std::string::npos)
      noMismatch = true;
  }
  if (code == '?' && bindFlag) code = 'p';
  if (code == '?' && compileFlag) code = 'C';
  if (code == '?' && noMismatch) code = '.';
  if (code != '?') return code;
  for (const auto& line : logLines(sampleCode)) {
    if (contains(line, "posedge reset") || contains(line, "negedge reset") || contains(line, "posedge r)"))
      return 'r';
  }
  return 'R';
}

std::string verilogEvalCodeName(char code) {
  switch (code) {
    case '.': return "pass";
    case 'S': return "syntax error";
    case 'e': return "assignment needs an explicit cast";
    case '0': return "sized constant of zero width";
    case 'n': return "process with no sensitivities";
    case 'w': return "assignment to something declared as wire";
    case 'm': return "unknown module type";
    case 'c': return "cannot bind clk";
    case 'T': return "timeout";
    case 'p': return "unable to bind a wire/reg";
    case 'C': return "other compile error";
    case 'r': return "runtime mismatch, reset-related";
    case 'R': return "runtime mismatch";
    default: return "unknown";
  }
}

int verilogEvalProblemPercent(int npass, int nsamples) {
  if (nsamples <= 0) return 0;
  return static_cast<int>((static_cast<double>(npass) / static_cast<double>(nsamples)) * 100.0);
}

namespace {
constexpr const char* kPrintedTimeoutNote =
    " (a TIMEOUT line was printed by the simulation itself, e.g. the testbench's watchdog; "
    "the analyzer scores any such line T even when a result line follows)";

// The verdict part of a compat Evaluation from the combined compile and run log.
void scoreCompatLog(Evaluation& e, const std::string& log, const std::string& sampleCode, const std::string& timeoutNote) {
  const char code = classifyVerilogEvalLog(log, sampleCode);
  e.compatCode = std::string(1, code);
  e.verdict = verdictOfCode(code);
  e.cls = code == '.' ? "" : std::string("ve_") + code;
  e.message = code == '.' ? "" : "VerilogEval code " + e.compatCode + ": " + verilogEvalCodeName(code);
  if (code == 'T') e.message += timeoutNote;
  ResultLine rl = parseResultLine(log);
  if (rl.found) {
    e.mismatches = rl.mismatches;
    e.samples = rl.samples;
  }
  e.logTail = tailLines(log, 30);
}
}  // namespace

Evaluation evaluateVerilogEval(const Task& task, const std::string& sampleCode, const CompatJob& job) {
  const auto start = std::chrono::steady_clock::now();
  Evaluation e;
  e.simulator = "icarus";
  auto finish = [&](Evaluation& ev) {
    ev.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return ev;
  };
  auto dir = TempDir::create("ve", job.workRoot);
  if (!dir) {
    e.verdict = Verdict::HarnessError;
    e.message = dir.error().describe();
    return finish(e);
  }
  if (job.keepJobDir) dir->keep();
  const std::string jobDir = dir->path().string();
  char num[16];
  std::snprintf(num, sizeof num, "%02d", job.sampleIndex + 1);
  const std::string bin = task.id + "_sample" + num;
  const std::string sample = bin + ".sv", test = task.id + "_test.sv", ref = task.id + "_ref.sv";
  for (const auto& [name, text] : {std::pair{sample, sampleCode}, {test, task.testbench}, {ref, task.reference}}) {
    if (auto s = writeFile(dir->path() / name, text); !s) {
      e.verdict = Verdict::HarnessError;
      e.message = s.error().describe();
      return finish(e);
    }
  }
  for (const auto& f : task.supportFiles) (void)writeFile(dir->path() / f.name, f.text);

  ProcessSpec compile;
  compile.argv = {"iverilog", "-Wall", "-Winfloop", "-Wno-timescale", "-g2012", "-s", task.tbTop, "-o", bin, sample, test, ref};
  compile.workDir = jobDir;
  compile.env = defaultToolEnv(jobDir);
  compile.deadline = std::chrono::milliseconds(static_cast<long>(std::max(60.0, task.limits.compileSeconds) * 1000));
  compile.limits.addressSpace = task.limits.memoryBytes;
  compile.limits.fileSize = task.limits.fileBytes;
  compile.killAfterOutput = 8u << 20;
  auto c = runSandboxed(compile, job.sandbox);
  if (!c) {
    e.verdict = Verdict::HarnessError;
    e.message = c.error().describe();
    return finish(e);
  }
  std::string log = c->out + c->err;
  std::string timeoutNote;
  e.compileSeconds = c->wallSeconds;
  std::error_code ec;
  if (fs::exists(dir->path() / bin, ec)) {
    ProcessSpec run;
    run.argv = {"./" + bin};  // the vvp image runs through its #! line, as in the original
    run.workDir = jobDir;
    run.env = defaultToolEnv(jobDir);
    run.deadline = std::chrono::milliseconds(30000);
    run.limits.addressSpace = job.memoryGuardBytes;
    run.limits.fileSize = std::max<std::uint64_t>(task.limits.fileBytes, 256ull << 20);
    run.outputCap = 256 * 1024;
    run.killAfterOutput = task.limits.outputBytes;
    auto r = runSandboxed(run, job.sandbox);
    if (!r) {
      e.verdict = Verdict::HarnessError;
      e.message = r.error().describe();
      return finish(e);
    }
    log += r->out + r->err;
    e.simSeconds = r->wallSeconds;
    // The original has no output limit: a run flooding the log is almost always a zero-delay
    // loop that `timeout 30` would have ended, so it is scored as that timeout.
    // Running out of our memory guard means the design kept allocating (a runaway loop
    // growing the event queue): without a guard the original runs on into `timeout 30`.
    const bool outOfMemory = !r->timedOut && (r->signal != 0 || r->exitCode == 134) &&
                             (contains(r->err, "bad_alloc") || contains(r->err, "out of memory") ||
                              contains(r->out, "bad_alloc"));
    if (r->timedOut || r->outputLimitHit || outOfMemory) {
      log += "TIMEOUT\n";
      timeoutNote = r->timedOut        ? " (the 30 s limit)"
                    : r->outputLimitHit ? " (stopped after printing too much; the original would run into its 30 s limit)"
                                        : " (ran out of memory; the original, with no memory limit, would run into its 30 s limit)";
    } else if (contains(r->out, "TIMEOUT") || contains(r->err, "TIMEOUT")) {
      timeoutNote = kPrintedTimeoutNote;
    }
  } else {
    // What `timeout 30 ./BIN` prints when the compile produced nothing.
    log += "timeout: failed to run command './" + bin + "': No such file or directory\n";
  }
  scoreCompatLog(e, log, sampleCode, timeoutNote);
  e.logTail = scrubPaths(e.logTail, jobDir);
  return finish(e);
}

bool sameSourceForVerilogEval(const std::string& compatCode, const std::string& nativeCode) {
  auto significant = [](const std::string& code) {
    std::string out;
    for (auto line : splitLines(code))
      if (!startsWith(trim(line), "// VERILOG-EVAL:")) out += std::string(line) + "\n";
    return std::string(trim(out));
  };
  return significant(compatCode) == significant(nativeCode);
}

std::optional<Evaluation> verilogEvalFromNativeRun(const Task& task, const std::string& sampleCode, const SimOutcome& native) {
  if (native.simulator != "icarus" || task.compatFamily != CompatFamily::VerilogEval) return std::nullopt;
  // The native job is isolated (isolation.h): the bench's units renamed, each file its own
  // compilation unit. That differs from the original only for a sample that names the bench's
  // units or uses a directive, and for a reference that relies on the testbench's directives
  // (a macro, or its `timescale for a delay).
  if (usesDirectives(sampleCode) || namesTheBench(task, sampleCode)) return std::nullopt;
  if (usesDirectives(task.reference) || usesDelays(task.reference)) return std::nullopt;
  // vvp -n turns $stop into $finish; the original's image would stop for input instead.
  for (const std::string* text : {&sampleCode, &task.testbench, &task.reference})
    if (contains(*text, "$stop")) return std::nullopt;
  auto endedOnItsOwn = [](const ProcessResult& r, double withinSeconds) {
    return !r.timedOut && !r.outputLimitHit && r.signal == 0 && r.wallSeconds < withinSeconds;
  };
  if (!endedOnItsOwn(native.compile, 60.0)) return std::nullopt;
  std::string log = native.compile.out + native.compile.err;
  std::string timeoutNote;
  if (native.compiled) {
    // Well inside the original's 30 s, so a slower machine moment cannot turn it into T.
    if (!endedOnItsOwn(native.run, 20.0)) return std::nullopt;
    log += native.run.out + native.run.err;
    if (contains(native.run.out, "TIMEOUT") || contains(native.run.err, "TIMEOUT"))
      timeoutNote = kPrintedTimeoutNote;
  } else {
    log += "timeout: failed to run command: No such file or directory\n";
  }
  Evaluation e;
  e.simulator = "icarus";
  e.compileSeconds = native.compile.wallSeconds;
  e.simSeconds = native.compiled ? native.run.wallSeconds : 0;
  scoreCompatLog(e, log, sampleCode, timeoutNote);
  return e;
}

}  // namespace rtlarena
