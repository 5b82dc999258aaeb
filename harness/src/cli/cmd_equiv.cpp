// `rtlarena equiv`: is a candidate formally equivalent to a task's reference (or to a given
// reference file)? Prints the verdict, the reason and a counterexample. `--self-check` runs the
// judge on the task's reference against itself and against its bad variants.
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "common.h"
#include "rtlarena/core/files.h"
#include "rtlarena/equiv/judge.h"

namespace rtlarena::cli {

namespace {

struct EquivFlags {
  std::string task, reference, refTop, candidate, top, reset;
  bool json = false, noSandbox = false, selfCheck = false;
  int bound = 20;
  double timeout = 60;
};

nlohmann::json toJson(const equiv::EquivResult& r) {
  nlohmann::json j = {{"verdict", equiv::equivVerdictName(r.verdict)}, {"reason", r.reason}, {"engine", r.engine},
                      {"sequential", r.sequential}, {"reset", r.reset}, {"bound", r.bound}, {"seconds", r.seconds}};
  if (r.counterexample) {
    nlohmann::json outs = nlohmann::json::array();
    for (const auto& d : r.counterexample->outputs)
      outs.push_back({{"output", d.output}, {"reference", d.reference}, {"candidate", d.candidate}});
    j["counterexample"] = {{"cycle", r.counterexample->cycle}, {"inputs", r.counterexample->inputs}, {"outputs", outs}};
  }
  return j;
}

void printResult(const std::string& label, const equiv::EquivResult& r) {
  std::printf("%s: %s (%s)\n", label.c_str(), std::string(equiv::equivVerdictName(r.verdict)).c_str(), r.reason.c_str());
  if (!r.reset.empty()) std::printf("  reset %s asserted (%s) in cycle 0\n", r.reset.c_str(), r.resetActiveLow ? "low" : "high");
  if (!r.counterexample) return;
  const auto& c = *r.counterexample;
  for (std::size_t cycle = 0; cycle < c.inputs.size(); ++cycle) {
    std::printf("  cycle %zu:", cycle);
    for (const auto& [name, value] : c.inputs[cycle]) std::printf(" %s=%s", name.c_str(), value.c_str());
    std::printf("\n");
  }
  for (const auto& d : c.outputs)
    std::printf("  cycle %d: %s reference=%s candidate=%s\n", c.cycle, d.output.c_str(), d.reference.c_str(), d.candidate.c_str());
}

int exitFor(const equiv::EquivResult& r) { return r.equivalent() ? kExitOk : kExitFailed; }

int runEquiv(const EquivFlags& f) {
  equiv::EquivOptions o;
  o.bound = f.bound;
  o.timeout = std::chrono::milliseconds(static_cast<long>(f.timeout * 1000));
  o.reset = f.reset;
  auto sandbox = sandboxFromFlags(f.noSandbox);
  if (!sandbox) return reportError(sandbox.error());
  o.sandbox = *sandbox;

  std::string reference, refTop = f.refTop, top = f.top;
  std::optional<Task> task;
  if (!f.task.empty()) {
    auto t = findTask(f.task);
    if (!t) return reportError(t.error());
    task = *t;
    std::tie(reference, refTop) = equiv::taskReference(*task);
    if (top.empty()) top = task->top;
  } else {
    if (f.reference.empty() || refTop.empty())
      return reportError(makeError(ErrorCode::BadArgument, "equiv needs --task ID, or --reference FILE with --ref-top NAME"));
    auto text = readFile(f.reference);
    if (!text) return reportError(text.error());
    reference = *text;
    if (top.empty()) top = "TopModule";
  }

  if (f.selfCheck) {
    if (!task) return reportError(makeError(ErrorCode::BadArgument, "--self-check needs --task"));
    auto c = equiv::selfCheck(*task, o);
    if (!c) return reportError(c.error());
    if (f.json) {
      nlohmann::json bad = nlohmann::json::object();
      for (const auto& [name, r] : c->bad) bad[name] = toJson(r);
      printJson(nlohmann::json{{"task", task->id}, {"ok", c->ok}, {"problem", c->problem},
                                         {"self", toJson(c->self)}, {"bad", bad}}.dump());
    } else {
      printResult("reference vs itself", c->self);
      for (const auto& [name, r] : c->bad) printResult("bad/" + name, r);
      std::printf("self-check %s%s\n", c->ok ? "ok" : "FAILED: ", c->problem.c_str());
    }
    return c->ok ? kExitOk : kExitFailed;
  }

  if (f.candidate.empty()) return reportError(makeError(ErrorCode::BadArgument, "equiv needs a CANDIDATE file (or --self-check)"));
  auto cand = readFile(f.candidate);
  if (!cand) return reportError(cand.error());
  auto r = equiv::judgeEquivalence(reference, refTop, *cand, top, o);
  if (!r) return reportError(r.error());
  if (f.json) printJson(toJson(*r).dump());
  else printResult(f.candidate, *r);
  return exitFor(*r);
}

}  // namespace

void addEquivCommand(CLI::App& app, int& exitCode) {
  auto f = std::make_shared<EquivFlags>();
  CLI::App* sub = app.add_subcommand("equiv", "Formal equivalence of a candidate with a reference (Yosys, ABC)");
  auto* task = sub->add_option("--task", f->task, "Task id, suite/id, or task directory whose reference to use");
  sub->add_option("--reference", f->reference, "Reference Verilog file instead of a task")->excludes(task)->check(CLI::ExistingFile);
  sub->add_option("--ref-top", f->refTop, "Top module of --reference");
  sub->add_option("candidate", f->candidate, "Candidate Verilog file")->check(CLI::ExistingFile);
  sub->add_option("--top", f->top, "Top module of the candidate (default: the task's, else TopModule)");
  sub->add_option("--bound", f->bound, "Largest induction length / bounded-check depth in cycles")->capture_default_str()
      ->check(CLI::PositiveNumber);
  sub->add_option("--timeout", f->timeout, "Wall time in seconds for the whole check")->capture_default_str()
      ->check(CLI::PositiveNumber);
  sub->add_option("--reset", f->reset, "Reset input asserted in cycle 0 (default: found by name; '-' for none)");
  sub->add_flag("--self-check", f->selfCheck, "Judge the task's reference against itself and its bad variants");
  sub->add_flag("--json", f->json, "Print the result as JSON");
  sub->add_flag("--no-sandbox", f->noSandbox, "Run the tools without bubblewrap");
  sub->callback([f, &exitCode] { exitCode = runEquiv(*f); });
}

}  // namespace rtlarena::cli
