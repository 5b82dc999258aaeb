// Native classification. Compiler failures get a subclass from the compiler's own words, so
// failure histograms say why designs fail; a simulation passes only on one well-formed result
// line with zero mismatches over a non-zero number of samples.
#include "rtlarena/eval/classify.h"

#include <csignal>
#include <cstring>
#include <regex>

#include "rtlarena/core/text.h"

namespace rtlarena {
namespace {

struct Rule {
  const char* needle;
  const char* cls;
};

// Checked in order over the compile log; the first that matches names the subclass.
constexpr Rule kCompileRules[] = {
    {"Unknown module type", "unknown_module"},
    {"is not a port of", "port_mismatch"},
    {"port ``", "port_mismatch"},
    {"Port ", "port_mismatch"},
    {"too many ports", "port_mismatch"},
    {"Wrong number of ports", "port_mismatch"},
    {"Unable to bind wire/reg/memory", "undeclared_identifier"},
    {"Unable to bind", "undeclared_identifier"},
    {"is declared here as wire", "wire_reg_misuse"},
    {"is not a valid l-value", "wire_reg_misuse"},
    {"Cannot assign to", "wire_reg_misuse"},
    {"This assignment requires an explicit cast", "explicit_cast"},
    {"Sized numeric constant must have a size greater than zero", "zero_size_constant"},
    {"found no sensitivities", "no_sensitivities"},
    {"has no sensitivities", "no_sensitivities"},
    {"has already been declared", "redeclaration"},
    {"already declared", "redeclaration"},
    {"Duplicate", "redeclaration"},
    {"is already defined", "redeclaration"},
    {"Unable to elaborate", "elaboration"},
    {"Unable to evaluate", "elaboration"},
    {"is not a constant", "non_constant_expression"},
    {"not supported", "unsupported_construct"},
    {"sorry:", "unsupported_construct"},
    {"Internal error", "tool_internal_error"},
    {"Can't find definition", "undeclared_identifier"},
    {"Cannot find file", "unknown_module"},
    {"Signal definition not found", "undeclared_identifier"},
    {"PINNOTFOUND", "port_mismatch"},
    {"Unsupported", "unsupported_construct"},
};

std::string firstErrorLine(const std::string& log) {
  for (auto l : splitLines(log))
    if (contains(l, "error") || contains(l, "Error")) return std::string(trim(l));
  auto lines = splitLines(log);
  return lines.empty() ? std::string() : std::string(trim(lines.front()));
}

}  // namespace

Evaluation classifyCompileFailure(const std::string& log, const std::string& simulator) {
  Evaluation e;
  e.simulator = simulator;
  e.logTail = tailLines(log, 30);
  e.message = firstErrorLine(log);
  if (contains(log, "syntax error") || contains(log, "I give up") || contains(log, "syntax error, unexpected")) {
    e.verdict = Verdict::SyntaxError;
    e.cls = "syntax";
    return e;
  }
  e.verdict = Verdict::CompileError;
  for (auto line : splitLines(log)) {
    if (!contains(line, "error") && !contains(line, "Error") && !contains(line, "sorry")) continue;
    for (const auto& rule : kCompileRules) {
      if (contains(line, rule.needle)) {
        e.cls = rule.cls;
        return e;
      }
    }
  }
  e.cls = "other";
  return e;
}

ResultLine parseResultLine(const std::string& log) {
  ResultLine r;
  static const std::regex re("^\\s*Mismatches:\\s*([0-9]+)\\s+in\\s+([0-9]+)\\s+samples\\s*$");
  for (auto line : splitLines(log)) {
    std::string s(line);
    std::smatch m;
    if (std::regex_match(s, m, re)) {
      r.found = true;
      ++r.count;
      r.mismatches = std::stoll(m[1].str());
      r.samples = std::stoll(m[2].str());
    }
  }
  return r;
}

std::string scrubPaths(const std::string& log, const std::string& jobDir) {
  std::string out = jobDir.empty() ? log : replaceAll(log, jobDir + "/", "");
  return replaceAll(out, "/tmp/job/", "");
}

Evaluation classifySimulation(const SimOutcome& outcome, const Task& task) {
  if (!outcome.compiled) {
    Evaluation e = classifyCompileFailure(outcome.compile.combined(), outcome.simulator);
    if (outcome.compile.timedOut) {
      e.verdict = Verdict::CompileError;
      e.cls = "compile_timeout";
      e.message = "the compiler did not finish within its deadline";
    }
    e.compileSeconds = outcome.compile.wallSeconds;
    return e;
  }
  Evaluation e;
  e.simulator = outcome.simulator;
  e.compileSeconds = outcome.compile.wallSeconds;
  e.simSeconds = outcome.run.wallSeconds;
  const std::string log = outcome.run.combined();
  e.logTail = tailLines(log, 30);
  const ProcessResult& run = outcome.run;

  if (run.timedOut) {
    e.verdict = Verdict::SimTimeout;
    e.cls = "wall_deadline";
    e.message = "the simulation did not finish within " + std::to_string(int(task.limits.simSeconds)) + " s";
    return e;
  }
  if (run.signal == SIGXCPU) {
    e.verdict = Verdict::SimTimeout;
    e.cls = "cpu_limit";
    e.message = "the simulation used up its CPU time";
    return e;
  }
  if (run.outputLimitHit) {
    e.verdict = Verdict::SimCrash;
    e.cls = "output_limit";
    e.message = "the simulation printed more than " + std::to_string(task.limits.outputBytes >> 20) + " MiB";
    return e;
  }
  if (run.signal == SIGXFSZ) {
    e.verdict = Verdict::SimCrash;
    e.cls = "file_size_limit";
    e.message = "the simulation wrote a file larger than its limit";
    return e;
  }
  if (run.signal != 0) {
    e.verdict = Verdict::SimCrash;
    e.cls = "signal";
    e.message = std::string("the simulator was killed by signal ") + strsignal(run.signal);
    return e;
  }

  if (task.resultRule == ResultRule::PassMessage) {
    bool pass = false, fail = false;
    for (auto line : splitLines(log)) {
      std::string lower(line);
      for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (contains(lower, "pass")) pass = true;
      if (contains(lower, "fail") || contains(lower, "error")) fail = true;
    }
    if (pass && !fail) {
      e.verdict = Verdict::Pass;
    } else {
      e.verdict = Verdict::Mismatch;
      e.cls = pass ? "failure_reported" : "no_pass_message";
      e.message = "the testbench did not report a pass";
    }
    return e;
  }

  ResultLine rl = parseResultLine(log);
  // A testbench watchdog's TIMEOUT line counts only when no complete result was printed
  // (VerilogEval's benches print their result after the watchdog fires).
  if (!rl.found) {
    for (auto line : splitLines(log)) {
      if (trim(line) != "TIMEOUT") continue;
      e.verdict = Verdict::SimTimeout;
      e.cls = "testbench_timeout";
      e.message = "the testbench's watchdog fired before a result was printed";
      return e;
    }
  }
  if (!rl.found) {
    e.verdict = Verdict::SimCrash;
    e.cls = run.exitCode != 0 ? "exit_status" : "no_result_line";
    e.message = run.exitCode != 0 ? "the simulator exited with status " + std::to_string(run.exitCode)
                                  : "the simulation ended without a result line";
    return e;
  }
  if (rl.count > 1) {
    e.verdict = Verdict::SimCrash;
    e.cls = "multiple_result_lines";
    e.message = "more than one result line was printed";
    return e;
  }
  e.mismatches = rl.mismatches;
  e.samples = rl.samples;
  if (rl.samples <= 0) {
    e.verdict = Verdict::SimCrash;
    e.cls = "no_samples";
    e.message = "the testbench compared no samples";
    return e;
  }
  if (rl.mismatches == 0) {
    e.verdict = Verdict::Pass;
    return e;
  }
  e.verdict = Verdict::Mismatch;
  e.cls = "functional";
  e.message = std::to_string(rl.mismatches) + " mismatches in " + std::to_string(rl.samples) + " samples";
  return e;
}

}  // namespace rtlarena
