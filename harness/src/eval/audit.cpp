// The audit of a dataset (see audit.h). Golden failures exclude a problem for the simulator they
// happen on; a passing negative control and lint findings are notes that exclude nothing.
#include "rtlarena/eval/audit.h"

#include <chrono>
#include <filesystem>
#include <mutex>

#include "rtlarena/core/files.h"
#include "rtlarena/core/text.h"
#include "rtlarena/core/worker_pool.h"
#include "rtlarena/eval/classify.h"
#include "rtlarena/eval/evaluator.h"
#include "rtlarena/eval/verilogeval_compat.h"
#include "rtlarena/tasks/dataset.h"

namespace rtlarena {

namespace fs = std::filesystem;

namespace {

std::string describeEval(const Evaluation& e) {
  std::string s(verdictName(e.verdict));
  if (!e.cls.empty()) s += " (" + e.cls + ")";
  if (!e.message.empty()) s += ": " + e.message;
  return s;
}

void lintGolden(const Task& task, const AuditOptions& o, AuditRow& row) {
  auto dir = TempDir::create("lint", o.workRoot);
  if (!dir) return;
  if (!writeFile(dir->path() / "golden.sv", task.goldenCandidate)) return;
  ProcessSpec spec;
  spec.argv = {"verilator", "--lint-only", "-Wall", "-Wno-DECLFILENAME", "-Wno-TIMESCALEMOD",
               "--top-module", task.top, "golden.sv"};
  spec.workDir = dir->path().string();
  spec.env = defaultToolEnv(spec.workDir);
  spec.deadline = std::chrono::milliseconds(30000);
  auto r = runSandboxed(spec, o.sandbox);
  if (!r) return;
  row.lintWarnings = 0;
  // The log must outlive the line views: a temporary in the range-for would dangle.
  const std::string log = r->combined();
  for (auto line : splitLines(log)) {
    if (!startsWith(line, "%Warning") && !startsWith(line, "%Error")) continue;
    if (contains(line, "Exiting due to")) continue;
    if (row.lintFirst.empty()) row.lintFirst = scrubPaths(std::string(trim(line)), spec.workDir);
    ++row.lintWarnings;
  }
}

AuditRow auditOne(const Task& task, const AuditOptions& o) {
  AuditRow row;
  row.taskId = task.id;
  for (const auto& sim : o.simulators) {
    EvalOptions eo;
    eo.sandbox = o.sandbox;
    eo.simulator = simulatorFromName(sim).value_or(SimulatorKind::Both);  // Both: a harness_error naming it
    eo.policyCheck = false;  // the golden design is the dataset's, not a model's
    eo.workRoot = o.workRoot;
    row.golden[sim] = Evaluator(eo).evaluate(task, task.goldenCandidate);
  }
  if (o.compat && task.format == "verilogeval2") {
    const std::string answer = "```verilog\n" + task.goldenCandidate + "\n```\n";
    CompatJob job{o.workRoot, o.sandbox, 0, false};
    row.golden["verilogeval"] = evaluateVerilogEval(task, extractVerilogEval(answer, task.kind, task.interface), job);
  }
  if (o.control) {
    EvalOptions eo;
    eo.sandbox = o.sandbox;
    eo.simulator = SimulatorKind::Icarus;
    eo.policyCheck = false;
    eo.workRoot = o.workRoot;
    row.control = Evaluator(eo).evaluate(task, negativeControlCandidate(task));
  }
  if (o.lint) lintGolden(task, o, row);
  return row;
}

void addErrata(const AuditRow& row, Errata& errata) {
  for (const auto& [sim, e] : row.golden) {
    if (e.passed()) continue;
    std::string symptom = e.verdict == Verdict::HarnessError ? "harness_error" : "golden_fails";
    std::string detail = describeEval(e);
    if (sim == "verilogeval") detail = e.message.empty() ? "VerilogEval code " + e.compatCode : e.message;
    bool otherPasses = false;
    for (const auto& [s2, e2] : row.golden) otherPasses |= s2 != sim && s2 != "verilogeval" && e2.passed();
    // The VerilogEval harness runs Icarus too: its failing where Icarus passes is a scoring
    // rule, not a simulator difference.
    if (otherPasses && sim == "verilogeval") detail += "; passes in native mode: the difference is VerilogEval's scoring rule";
    else if (otherPasses) detail += " (passes on another simulator: a simulator difference, race or X dependence)";
    errata.entries.push_back({row.taskId, sim, symptom, detail, true});
  }
  if (row.control && row.control->passed())
    errata.entries.push_back({row.taskId, "icarus", "weak_testbench",
                              "an empty module with the right ports passes the testbench", false});
  if (row.lintWarnings > 0)
    errata.entries.push_back({row.taskId, "verilator", "lint",
                              std::to_string(row.lintWarnings) + " lint message(s); first: " + row.lintFirst, false});
}

}  // namespace

AuditReport auditTasks(const std::vector<Task>& tasks, const AuditOptions& options,
                       const std::function<void(const AuditRow&)>& onRow) {
  const auto start = std::chrono::steady_clock::now();
  AuditReport report;
  report.rows.resize(tasks.size());
  {
    WorkerPool pool(options.workers ? options.workers : std::max(1u, std::thread::hardware_concurrency()));
    std::mutex mutex;
    for (std::size_t i = 0; i < tasks.size(); ++i) {
      pool.submit([&, i] {
        AuditRow row = auditOne(tasks[i], options);
        std::lock_guard lock(mutex);
        if (onRow) onRow(row);
        report.rows[i] = std::move(row);
      });
    }
    pool.wait();
  }
  for (const auto& row : report.rows) addErrata(row, report.errata);
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace rtlarena
