// `rtlarena check --design D.sv --top NAME --props P.sv`: formal verdicts of
// SystemVerilog assertions (the checker is in harness/src/formal; this file
// only declares flags and prints).
#include <cstdio>
#include <filesystem>

#include "commands.h"
#include "common.h"
#include "rtlarena/core/files.h"
#include "rtlarena/formal/checker.h"
#include "rtlarena/formal/mutation_score.h"
#include <nlohmann/json.hpp>

namespace rtlarena::cli {

namespace {

struct CheckFlags {
  std::vector<std::string> design, props;
  std::string top, clock, reset, resetActive, traceDir = "rtlarena-cex",
                                              keepDir;
  bool noReset = false, json = false, noSandbox = false, noTrace = false;
  double timeout = 20;
  int bound = 30;
  unsigned jobs = 2;
  int mutants = 0; ///< --mutants: also score the assertions by the mutants they catch
  unsigned seed = 1;
  double equivTimeout = 30;
  bool noCache = false;
};

Result<std::vector<SourceFile>> readAll(const std::vector<std::string> &paths) {
  std::vector<SourceFile> out;
  for (const auto &p : paths) {
    auto text = readFile(p);
    if (!text)
      return text.error();
    out.push_back({std::filesystem::path(p).filename().string(), *text});
  }
  return out;
}

int runCheck(const CheckFlags &f) {
  if (f.noReset && !f.reset.empty())
    return reportError(makeError(ErrorCode::BadArgument,
                                 "--reset and --no-reset exclude each other"));
  if (!f.resetActive.empty() && f.reset.empty())
    return reportError(
        makeError(ErrorCode::BadArgument, "--reset-active needs --reset"));
  formal::CheckRequest req;
  auto design = readAll(f.design);
  if (!design)
    return reportError(design.error());
  auto props = readAll(f.props);
  if (!props)
    return reportError(props.error());
  req.design = std::move(*design);
  req.props = std::move(*props);
  req.top = f.top;
  req.clock = f.clock;
  if (f.noReset) {
    req.reset.mode = formal::ResetChoice::Mode::None;
  } else if (!f.reset.empty()) {
    req.reset.mode = formal::ResetChoice::Mode::Given;
    req.reset.name = f.reset;
    if (!f.resetActive.empty())
      req.reset.activeHigh = f.resetActive == "high" ? 1 : 0;
  }
  formal::CheckOptions o;
  o.assertionSeconds = f.timeout;
  o.bmcFrames = f.bound;
  o.jobs = f.jobs;
  o.traceDir = f.noTrace ? "" : f.traceDir;
  if (!f.keepDir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(f.keepDir, ec);
    o.workRoot = f.keepDir;
    o.keepJobDir = true;
  }
  auto sandbox = sandboxFromFlags(f.noSandbox);
  if (!sandbox)
    return reportError(sandbox.error());
  o.sandbox = *sandbox;
  auto report = formal::checkAssertions(req, o);
  if (!report)
    return reportError(report.error());
  std::optional<formal::MutationScore> score;
  if (f.mutants > 0) {
    formal::MutationScoreOptions mo;
    mo.mutants = f.mutants;
    mo.seed = f.seed;
    mo.equivSeconds = f.equivTimeout;
    mo.jobs = f.jobs;
    formal::MutantCache cache(f.noCache ? "" : formal::MutantCache::defaultDir());
    mo.cache = &cache;
    auto scored = formal::scoreByMutants(req, *report, o, mo);
    if (!scored)
      return reportError(scored.error());
    score = std::move(*scored);
  }
  if (f.json) {
    auto j = nlohmann::json::parse(formal::reportToJson(*report));
    if (score)
      j["mutation"] = nlohmann::json::parse(formal::mutationScoreToJson(*score));
    printJson(j.dump());
  } else {
    std::printf("%s", formal::reportToText(*report).c_str());
    if (score)
      std::printf("%s", formal::mutationScoreToText(*score).c_str());
  }
  return report->anyCex() ? kExitFailed : kExitOk;
}

} // namespace

void addCheckCommand(CLI::App &app, int &exitCode) {
  auto f = std::make_shared<CheckFlags>();
  CLI::App *sub =
      app.add_subcommand("check", "Formal verdicts of SystemVerilog assertions "
                                  "on a design (Yosys, ABC, z3)");
  sub->add_option("--design", f->design, "Design file (repeatable)")
      ->required()
      ->check(CLI::ExistingFile);
  sub->add_option("--top", f->top, "Top module of the design")->required();
  sub->add_option(
         "--props", f->props,
         "Property file: assertions, or checker modules with bind (repeatable)")
      ->required()
      ->check(CLI::ExistingFile);
  sub->add_option("--clock", f->clock,
                  "Clock input (default: the one input named like clk/clock)");
  sub->add_option("--reset", f->reset,
                  "Reset input, held active in the first cycle (default: "
                  "inferred from the name)");
  sub->add_option("--reset-active", f->resetActive,
                  "Polarity of --reset (default: from the name; rst_n is low)")
      ->check(CLI::IsMember({"high", "low"}));
  sub->add_flag("--no-reset", f->noReset,
                "No reset: the initial state is free");
  sub->add_option("--timeout", f->timeout,
                  "Prover budget per assertion in seconds")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  sub->add_option("--bound", f->bound,
                  "Cycles of the bounded search behind `undetermined`")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  sub->add_option("-j,--jobs", f->jobs, "Assertions proven in parallel")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  sub->add_option("--trace-dir", f->traceDir,
                  "Folder for counterexample VCD traces")
      ->capture_default_str();
  sub->add_flag("--no-trace", f->noTrace, "Write no counterexample traces");
  sub->add_flag("--json", f->json,
                "Print {assertions: [...], summary} as JSON");
  CLI::Option *mutants =
      sub->add_option("--mutants", f->mutants,
                      "Also score the assertions by how many of N mutants of "
                      "the design (not equivalent to it) they catch")
          ->check(CLI::Range(1, 1000));
  sub->add_option("--seed", f->seed,
                  "Seed of the mutants (the same seed, the same mutants)")
      ->capture_default_str()
      ->needs(mutants);
  sub->add_option("--equiv-timeout", f->equivTimeout,
                  "Seconds the equivalence judge may spend on each mutant")
      ->capture_default_str()
      ->check(CLI::PositiveNumber)
      ->needs(mutants);
  sub->add_flag("--no-cache", f->noCache,
                "Neither read nor keep the mutants and their equivalence "
                "verdicts under $RTLARENA_CACHE/assert-mutants")
      ->needs(mutants);
  sub->add_flag("--no-sandbox", f->noSandbox,
                "Run the tools without bubblewrap");
  sub->add_option("--keep", f->keepDir,
                  "Keep the job directory (generated monitors, scripts, "
                  "models) under this folder");
  sub->callback([f, &exitCode] { exitCode = runCheck(*f); });
}

} // namespace rtlarena::cli
