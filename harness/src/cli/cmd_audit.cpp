// `rtlarena audit`: benchmark hygiene for a dataset. Runs every golden design against its own
// testbench on each simulator, the negative control and a lint, prints one row per problem and
// writes an errata file that `rtlarena run --errata` applies.
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "common.h"
#include "shared_flags.h"
#include "rtlarena/core/files.h"
#include "rtlarena/core/tools.h"
#include "rtlarena/eval/audit.h"
#include "rtlarena/eval/verilogeval_compat.h"
#include "rtlarena/tasks/dataset.h"
#include "rtlarena/tasks/suite.h"

namespace rtlarena::cli {

namespace {

std::string cell(const AuditRow& row, const std::string& sim) {
  auto it = row.golden.find(sim);
  if (it == row.golden.end()) return "-";
  if (sim == "verilogeval") return it->second.compatCode;
  return it->second.passed() ? "pass" : std::string(verdictName(it->second.verdict));
}

std::string nowIso() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

}  // namespace

void addAuditCommand(CLI::App& app, int& exitCode) {
  struct Flags {
    std::string dataset, suite, out;
    std::vector<std::string> sims = {"icarus", "verilator"};
    bool noLint = false, noControl = false, noCompat = false, noSandbox = false, json = false;
    unsigned jobs = 0;
  };
  auto f = std::make_shared<Flags>();
  CLI::App* sub = app.add_subcommand("audit", "Check a dataset: golden designs on both simulators, negative control, lint; write errata");
  auto* ds = sub->add_option("--dataset", f->dataset, "FORMAT:PATH (verilogeval2, verilogeval1, rtllm, jsonl, native)");
  sub->add_option("--suite", f->suite, "A built-in suite instead of --dataset")->excludes(ds);
  sub->add_option("--out", f->out, "Errata file to write")->default_str("errata.json");
  addHiddenAlias(*sub, "--errata-out,-o", f->out);
  addSimListOption(*sub, f->sims, "Simulators to run the golden designs on");
  sub->add_flag("--no-lint", f->noLint, "Skip the Verilator lint of golden designs");
  sub->add_flag("--no-controls", f->noControl, "Skip the empty-module negative control");
  addHiddenAlias(*sub, "--no-control", f->noControl);
  sub->add_flag("--no-compat", f->noCompat, "Skip the VerilogEval harness for VerilogEval tasks");
  sub->add_flag("--no-sandbox", f->noSandbox, "Run without bubblewrap (unsafe)");
  addJsonFlag(*sub, f->json, "Print the errata as JSON on stdout");
  addJobsOption(*sub, f->jobs);
  sub->callback([f, &exitCode] {
    if (f->dataset.empty() && f->suite.empty()) {
      exitCode = reportError(makeError(ErrorCode::BadArgument, "audit needs --dataset FORMAT:PATH or --suite NAME"));
      return;
    }
    auto tasks = f->dataset.empty() ? loadSuite(f->suite) : loadDataset(f->dataset);
    if (!tasks) { exitCode = reportError(tasks.error()); return; }
    auto sandbox = sandboxFromFlags(f->noSandbox);
    if (!sandbox) { exitCode = reportError(sandbox.error()); return; }
    AuditOptions o;
    o.sandbox = *sandbox;
    o.simulators = f->sims;
    o.lint = !f->noLint;
    o.control = !f->noControl;
    o.compat = !f->noCompat;
    o.workers = f->jobs;
    if (!f->json) std::printf("%-32s %-10s %-10s %-4s %-8s %s\n", "problem", "icarus", "verilator", "ve", "control", "lint");
    AuditReport report = auditTasks(*tasks, o, [&](const AuditRow& row) {
      if (f->json) return;
      std::string control = row.control ? (row.control->passed() ? "PASSES" : "fails") : "-";
      std::string lint = row.lintWarnings < 0 ? "-" : std::to_string(row.lintWarnings);
      std::printf("%-32s %-10s %-10s %-4s %-8s %s\n", row.taskId.c_str(), cell(row, "icarus").c_str(),
                  cell(row, "verilator").c_str(), cell(row, "verilogeval").c_str(), control.c_str(), lint.c_str());
      std::fflush(stdout);
    });
    report.errata.dataset = f->dataset.empty() ? "native:" + f->suite : f->dataset;
    report.errata.createdAt = nowIso();
    report.errata.tools = toolVersions();
    const std::string out = f->out.empty() ? "errata.json" : f->out;
    if (auto s = writeErrata(out, report.errata); !s) { exitCode = reportError(s.error()); return; }
    if (f->json) {
      auto text = readFile(out);
      std::printf("%s", text ? text->c_str() : "{}\n");
    } else {
      std::map<std::string, int> passes;
      for (const auto& row : report.rows)
        for (const auto& [sim, e] : row.golden) passes[sim] += e.passed() ? 1 : 0;
      std::printf("\n%zu problems audited in %.1fs\n", report.rows.size(), report.seconds);
      for (const auto& [sim, n] : passes)
        std::printf("  golden ceiling %-11s %d/%zu\n", sim.c_str(), n, report.rows.size());
      int excluded = 0, notes = 0;
      for (const auto& e : report.errata.entries) (e.excludes ? excluded : notes) += 1;
      std::printf("  errata: %d excluding entries, %d notes -> %s\n", excluded, notes, out.c_str());
    }
    exitCode = kExitOk;
  });
}

}  // namespace rtlarena::cli
