// `rtlarena eval`: one file against one task; prints the verdict and the log tail.
#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "common.h"
#include "rtlarena/core/files.h"
#include "rtlarena/eval/evaluator.h"
#include "rtlarena/eval/extract.h"
#include "rtlarena/tasks/suite.h"

namespace rtlarena::cli {

namespace fs = std::filesystem;

namespace {
// "popcount8", "core/popcount8" or a task directory.
Result<Task> findTask(const std::string& ref) {
  std::error_code ec;
  if (fs::is_directory(ref, ec) && fs::exists(fs::path(ref) / "task.json", ec)) {
    fs::path dir = fs::absolute(ref).lexically_normal();
    if (dir.filename().empty()) dir = dir.parent_path();
    return loadTaskDir(dir, dir.parent_path().filename().string());
  }
  std::string suite, id = ref;
  if (auto slash = ref.find('/'); slash != std::string::npos) {
    suite = ref.substr(0, slash);
    id = ref.substr(slash + 1);
  }
  std::vector<std::string> suites = suite.empty() ? listSuites() : std::vector<std::string>{suite};
  for (const auto& s : suites) {
    fs::path dir = datasetsRoot() / s / id;
    if (fs::exists(dir / "task.json", ec)) return loadTaskDir(dir, s);
  }
  return makeError(ErrorCode::NotFound, "no task '" + ref + "' (give an id, suite/id or a task directory)");
}
}  // namespace

void addEvalCommand(CLI::App& app, int& exitCode) {
  struct Flags {
    std::string task, file;
    SimulatorKind simulator = SimulatorKind::Icarus;
    bool json = false, noSandbox = false, raw = false;
  };
  auto f = std::make_shared<Flags>();
  CLI::App* sub = app.add_subcommand("eval", "Evaluate one Verilog file (or a model answer) against one task");
  sub->add_option("--task", f->task, "Task id, suite/id, or task directory")->required();
  sub->add_option("file", f->file, "Candidate Verilog file, or a raw model answer with --answer")->required();
  sub->add_flag("--answer", f->raw, "The file is a raw model answer: extract the code first");
  sub->add_flag("--json", f->json, "Print verdict, class, mismatches, samples, log_tail as JSON");
  sub->add_flag("--no-sandbox", f->noSandbox, "Run without bubblewrap (unsafe)");
  std::map<std::string, SimulatorKind> sims;
  for (SimulatorKind k : {SimulatorKind::Icarus, SimulatorKind::Verilator, SimulatorKind::Auto, SimulatorKind::Both,
                          SimulatorKind::VerilatorStock})
    sims[std::string(simulatorName(k))] = k;
  sub->add_option("--sim", f->simulator, "Simulator: icarus | verilator | auto | both | verilator-stock")
      ->transform(CLI::CheckedTransformer(sims, CLI::ignore_case))
      ->default_str("icarus");
  sub->callback([f, &exitCode] {
    auto task = findTask(f->task);
    if (!task) { exitCode = reportError(task.error()); return; }
    auto text = readFile(f->file);
    if (!text) { exitCode = reportError(text.error()); return; }
    auto sandbox = sandboxFromFlags(f->noSandbox);
    if (!sandbox) { exitCode = reportError(sandbox.error()); return; }
    std::string code = *text;
    if (f->raw) {
      ExtractOptions eo;
      eo.top = task->top;
      if (task->kind == TaskKind::CodeComplete) eo.interfaceHeader = task->interface;
      code = extractCandidate(*text, eo).code;
    }
    EvalOptions eo;
    eo.sandbox = *sandbox;
    // `both`: Icarus, then Verilator on the same candidate; a verdict that differs between
    // them points at a race or an X-dependent testbench rather than at the candidate.
    const bool both = f->simulator == SimulatorKind::Both;
    std::vector<Evaluation> evals;
    for (SimulatorKind sim : both ? std::vector{SimulatorKind::Icarus, SimulatorKind::Verilator} : std::vector{f->simulator}) {
      eo.simulator = sim;
      evals.push_back(Evaluator(eo).evaluate(*task, code));
    }
    const bool disagree = both && (evals[0].verdict != evals[1].verdict || evals[0].mismatches != evals[1].mismatches);
    auto toJson = [&](const Evaluation& e) {
      nlohmann::json j = {{"task", task->id},        {"verdict", verdictName(e.verdict)},
                          {"class", e.cls},          {"message", e.message},
                          {"mismatches", e.mismatches}, {"samples", e.samples},
                          {"log_tail", e.logTail},   {"seconds", e.wallSeconds}};
      j["simulator"] = e.simulator;
      j["compile_seconds"] = e.compileSeconds;
      j["sim_seconds"] = e.simSeconds;
      return j;
    };
    if (f->json) {
      nlohmann::json j = toJson(evals[0]);
      if (both) {
        j["verilator"] = toJson(evals[1]);
        j["simulators_disagree"] = disagree;
      }
      std::printf("%s\n", j.dump().c_str());
    } else {
      for (const Evaluation& e : evals) {
        std::printf("%s: %s%s%s\n", task->id.c_str(), std::string(verdictName(e.verdict)).c_str(),
                    e.cls.empty() ? "" : (" (" + e.cls + ")").c_str(), both ? (" [" + e.simulator + "]").c_str() : "");
        if (!e.message.empty()) std::printf("%s\n", e.message.c_str());
        if (!e.logTail.empty()) std::printf("--- log tail ---\n%s\n", e.logTail.c_str());
      }
      if (disagree) std::printf("simulators disagree: icarus %s (%lld mismatches), verilator %s (%lld mismatches)\n",
                                std::string(verdictName(evals[0].verdict)).c_str(), static_cast<long long>(evals[0].mismatches),
                                std::string(verdictName(evals[1].verdict)).c_str(), static_cast<long long>(evals[1].mismatches));
    }
    bool allPass = true, harness = false;
    for (const Evaluation& e : evals) {
      allPass = allPass && e.verdict == Verdict::Pass;
      harness = harness || e.verdict == Verdict::HarnessError;
    }
    exitCode = allPass ? kExitOk : harness ? kExitInternal : kExitFailed;
  });
}

}  // namespace rtlarena::cli
