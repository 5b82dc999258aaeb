// The stages of one evaluation, in order (see evaluator.h for why this order).
#include "rtlarena/eval/evaluator.h"

#include <chrono>

#include "rtlarena/core/files.h"
#include "rtlarena/core/text.h"
#include "rtlarena/eval/classify.h"
#include "rtlarena/eval/policy.h"
#include "rtlarena/eval/verilator.h"

namespace rtlarena {

namespace {
constexpr std::pair<SimulatorKind, std::string_view> kSimulatorNames[] = {
    {SimulatorKind::Icarus, "icarus"}, {SimulatorKind::Verilator, "verilator"},
    {SimulatorKind::VerilatorStock, "verilator-stock"}, {SimulatorKind::Auto, "auto"}, {SimulatorKind::Both, "both"}};
}  // namespace

std::string_view simulatorName(SimulatorKind kind) {
  for (const auto& [k, name] : kSimulatorNames)
    if (k == kind) return name;
  return "icarus";
}

std::optional<SimulatorKind> simulatorFromName(std::string_view name) {
  for (const auto& [k, n] : kSimulatorNames)
    if (n == name) return k;
  return std::nullopt;
}

std::unique_ptr<Simulator> makeSimulator(SimulatorKind kind) {
  switch (kind) {
    case SimulatorKind::Icarus: return makeIcarusSimulator();
    case SimulatorKind::Verilator: return makeVerilatorSimulator();
    case SimulatorKind::VerilatorStock: return makeVerilatorSimulator({.reuseRuntime = false});
    case SimulatorKind::Auto: return makeAutoSimulator();
    case SimulatorKind::Both: return nullptr;
  }
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
  if (!simulator) return harnessError("no single simulator for '" + std::string(simulatorName(options_.simulator)) + "'");
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
