// The stages of one evaluation, in order (see evaluator.h for why this order).
#include "rtlarena/eval/evaluator.h"

#include <chrono>
#include <filesystem>
#include <optional>
#include <set>

#include "rtlarena/core/files.h"
#include "rtlarena/core/hash.h"
#include "rtlarena/core/text.h"
#include "rtlarena/eval/classify.h"
#include "rtlarena/eval/isolation.h"
#include "rtlarena/eval/policy.h"
#include "rtlarena/eval/verilator.h"
#include "rtlarena/tasks/verilog_scan.h"

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

namespace {

// What the auto simulator remembers run times by: the task's own bench, not the renamed copy.
std::string benchKey(const Task& task) {
  return sha256Hex(task.testbench + (task.compileReference ? task.reference : std::string())).substr(0, 24);
}

// Icarus's image names every module elaborated under the candidate's top; each must be one the
// candidate defines. (Verilator builds are covered by the renaming alone.)
std::vector<std::string> foreignModules(const SimOutcome& outcome, const Task& task, const std::string& code,
                                        const std::string& jobDir) {
  if (!outcome.compiled || outcome.simulator != "icarus") return {};
  auto image = readFile(std::filesystem::path(jobDir) / "sim.vvp");
  if (!image) return {};
  std::set<std::string> own;
  for (const auto& u : declaredDesignUnits(code)) own.insert(u.name[0] == '\\' ? u.name.substr(1) : u.name);
  return foreignModulesUnderTop(*image, task.top, own);
}

// `module `NAME(...)`: what the unit is called is known only after preprocessing.
bool namesUnitsThroughMacros(const std::string& code) {
  const auto toks = verilogTokens(code);
  for (std::size_t i = 0; i + 1 < toks.size(); ++i)
    if ((toks[i].text == "module" || toks[i].text == "macromodule") && toks[i + 1].text[0] == '`') return true;
  return false;
}

Evaluation verdictOf(Verdict verdict, std::string cls, std::string message) {
  Evaluation e;
  e.verdict = verdict;
  e.cls = std::move(cls);
  e.message = std::move(message);
  return e;
}

// What the candidate's own units say before anything is compiled: without the top the bench
// cannot instantiate it (said in the task's words rather than through the compiler's complaint
// about the testbench); a unit defined twice would let Verilator pick one silently.
std::optional<Evaluation> refuseUnits(const Task& task, const std::string& code) {
  std::set<std::string> defined;
  for (const auto& u : declaredDesignUnits(code)) defined.insert(u.name[0] == '\\' ? u.name.substr(1) : u.name);
  if (!defined.empty() && !defined.count(task.top) && !namesUnitsThroughMacros(code)) {
    std::string names;
    for (const auto& n : defined) names += (names.empty() ? "'" : ", '") + n + "'";
    std::string message = "the candidate defines no module '" + task.top + "' (it defines " + names + ")";
    if (defined.count(task.refTop))
      message += "; '" + task.refTop + "' is the reference's name: the design must be called '" + task.top + "'";
    return verdictOf(Verdict::CompileError, "missing_top", message);
  }
  if (auto dup = duplicateUnits(code); !dup.empty())
    return verdictOf(Verdict::CompileError, "redeclaration", "the candidate defines '" + dup.front() + "' more than once");
  return std::nullopt;
}

}  // namespace

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
    // The candidate must compile on its own: in the job, a name it leaves undefined could be
    // supplied by the bench (a macro or a compilation-unit item of the testbench).
    if (!report->standaloneErrors.empty()) {
      Evaluation e;
      e.verdict = Verdict::CompileError;
      e.cls = report->standaloneErrors.front().cls;
      e.message = "the candidate does not compile on its own: " + report->standaloneErrors.front().message;
      e.logTail = report->parserLog;
      e.policySeconds = policySeconds;
      return finish(e);
    }
  }

  if (auto refused = refuseUnits(task, code)) {
    refused->policySeconds = policySeconds;
    return finish(*refused);
  }

  auto simulator = makeSimulator(options_.simulator);
  if (!simulator) return harnessError("no single simulator for '" + std::string(simulatorName(options_.simulator)) + "'");
  const IsolatedSources iso = isolateSources(task, code, isolationSuffix());
  SimJob job;
  job.jobDir = jobDir;
  job.sources = iso.sources;
  job.supportFiles = task.supportFiles;
  job.top = iso.top;
  job.benchKey = benchKey(task);
  job.limits = task.limits;
  job.sandbox = options_.sandbox;
  job.plusargs = options_.plusargs;
  const bool dumpWaves = !options_.vcdFile.empty() && options_.simulator == SimulatorKind::Icarus;
  if (dumpWaves) {
    // Our own second root, beside the bench: the bench is left as written.
    job.sources.push_back({"rtlarena_dump.v", "module rtlarena_dump;\n  initial begin\n    $dumpfile(\"waves.vcd\");\n"
                                              "    $dumpvars(0, " + iso.top + ");\n  end\nendmodule\n"});
    job.extraCompileFlags.insert(job.extraCompileFlags.end(), {"-s", "rtlarena_dump"});
  }
  auto outcome = simulator->simulate(job);
  if (!outcome) return harnessError(outcome.error().describe());
  if (dumpWaves) {
    outcome->run.out = replaceAll(outcome->run.out, "VCD info: dumpfile waves.vcd opened for output.\n", "");
    // Scopes under the bench's own names, without the isolation suffix.
    if (auto waves = readFile(std::filesystem::path(jobDir) / "waves.vcd"))
      (void)writeFile(options_.vcdFile, replaceAll(*waves, iso.suffix, ""));
  }
  auto scrub = [&](std::string text) { return replaceAll(scrubPaths(text, jobDir), iso.suffix, ""); };
  outcome->compile.out = scrub(std::move(outcome->compile.out));
  outcome->compile.err = scrub(std::move(outcome->compile.err));
  outcome->run.out = scrub(std::move(outcome->run.out));
  outcome->run.err = scrub(std::move(outcome->run.err));
  if (auto foreign = foreignModules(*outcome, task, code, jobDir); !foreign.empty()) {
    Evaluation e;
    e.verdict = Verdict::PolicyViolation;
    e.cls = "foreign module";
    e.message = "the candidate instantiates '" + foreign.front() + "', which it does not define";
    e.policySeconds = policySeconds;
    return finish(e);
  }
  Evaluation e = classifySimulation(*outcome, task);
  if (rawOutcome) *rawOutcome = *outcome;
  e.logTail = scrub(e.logTail);
  e.message = scrub(e.message);
  e.policySeconds = policySeconds;
  return finish(e);
}

}  // namespace rtlarena
