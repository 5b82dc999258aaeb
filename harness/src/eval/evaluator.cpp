// The stages of one evaluation, in order (see evaluator.h for why this order).
#include "rtlarena/eval/evaluator.h"

#include <chrono>

#include "rtlarena/core/files.h"
#include "rtlarena/core/text.h"
#include "rtlarena/eval/classify.h"
#include "rtlarena/eval/policy.h"
#include "rtlarena/eval/verilator.h"

namespace rtlarena {

std::unique_ptr<Simulator> makeSimulator(const std::string& name) {
  if (name == "icarus") return makeIcarusSimulator();
  if (name == "verilator") return makeVerilatorSimulator();
  if (name == "verilator-stock") return makeVerilatorSimulator({.reuseRuntime = false});
  if (name == "auto") return makeAutoSimulator();
  return nullptr;
}

std::vector<SourceFile> jobSources(const Task& task, const std::string& code) {
  std::vector<SourceFile> sources;
  sources.push_back({"candidate.sv", code});
  const bool withReference = task.compileReference && !task.reference.empty();
  // VerilogEval compiles `sample test ref`: the testbench's `timescale then also governs the
  // reference, so keep that order for its tasks.
  const bool testbenchFirst = startsWith(task.format, "verilogeval");
  if (withReference && !testbenchFirst) sources.push_back({"reference.sv", task.reference});
  sources.push_back({"testbench.sv", task.testbench});
  if (withReference && testbenchFirst) sources.push_back({"reference.sv", task.reference});
  return sources;
}

Evaluator::Evaluator(EvalOptions options) : options_(std::move(options)) {}

Evaluation Evaluator::evaluate(const Task& task, const std::string& code, SimOutcome* rawOutcome) const {
  const auto start = std::chrono::steady_clock::now();
  auto finish = [&](Evaluation e) {
    e.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return e;
  };
  auto harnessError = [&](const std::string& why) {
    Evaluation e;
    e.verdict = Verdict::HarnessError;
    e.message = why;
    return finish(e);
  };

  if (code.find_first_not_of(" \t\r\n") == std::string::npos) {
    Evaluation e;
    e.verdict = Verdict::NoCode;
    e.message = "no code was extracted from the answer";
    return finish(e);
  }

  auto dir = TempDir::create("job", options_.workRoot);
  if (!dir) return harnessError(dir.error().describe());
  if (options_.keepJobDirs) dir->keep();
  const std::string jobDir = dir->path().string();

  double policySeconds = 0;
  if (options_.policyCheck) {
    auto report = checkPolicy(code, task.top, jobDir, options_.sandbox);
    if (!report) return harnessError(report.error().describe());
    policySeconds = report->seconds;
    if (report->violates()) {
      Evaluation e;
      e.verdict = Verdict::PolicyViolation;
      e.cls = report->findings.front().construct;
      e.message = "the candidate uses " + report->summary();
      e.policySeconds = policySeconds;
      return finish(e);
    }
  }

  auto simulator = makeSimulator(options_.simulator);
  if (!simulator) return harnessError("unknown simulator '" + options_.simulator + "'");
  SimJob job;
  job.jobDir = jobDir;
  job.sources = jobSources(task, code);
  job.supportFiles = task.supportFiles;
  job.top = task.tbTop;
  job.limits = task.limits;
  job.sandbox = options_.sandbox;
  auto outcome = simulator->simulate(job);
  if (!outcome) return harnessError(outcome.error().describe());
  Evaluation e = classifySimulation(*outcome, task);
  if (rawOutcome) *rawOutcome = *outcome;
  e.logTail = scrubPaths(e.logTail, jobDir);
  e.message = scrubPaths(e.message, jobDir);
  e.policySeconds = policySeconds;
  return finish(e);
}

}  // namespace rtlarena
