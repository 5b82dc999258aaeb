// `rtlarena fuzz`: a bandit-scheduled fuzzing campaign on one RISC-V core, and its
// subcommands `fuzz replay` (rerun one reproducer) and `fuzz inject` (make a corpus of
// injected bugs); `fuzz calibrate` lives in cmd_fuzz_calibrate.cpp. Flags only; the work is in rtlarena_fuzz.
#include <unistd.h>

#include <cstddef>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "common.h"
#include "fuzz_flags.h"
#include "shared_flags.h"
#include "rtlarena/core/files.h"
#include "rtlarena/core/tools.h"
#include "rtlarena/fuzz/calibrate.h"
#include "rtlarena/fuzz/campaign.h"
#include "rtlarena/fuzz/inject.h"
#include "rtlarena/fuzz/minimize.h"
#include "rtlarena/fuzz/mutant_baseline.h"
#include "rtlarena/fuzz/report.h"
#include "rtlarena/fuzz/session.h"

namespace rtlarena::cli {

namespace fs = std::filesystem;
using namespace rtlarena::fuzz;

namespace {


// "90", "30s", "10m", "2h" -> seconds; negative on a malformed value.
double parseDuration(const std::string& s) {
  if (s.empty()) return 0;
  char unit = s.back();
  double mult = 1;
  std::string num = s;
  if (unit == 's' || unit == 'm' || unit == 'h') {
    mult = unit == 's' ? 1 : unit == 'm' ? 60 : 3600;
    num.pop_back();
  }
  try {
    size_t used = 0;
    double v = std::stod(num, &used);
    return used == num.size() && v > 0 ? v * mult : -1;
  } catch (...) {
    return -1;
  }
}

std::function<void(const std::string&)> logger(bool noProgress) {
  if (noProgress) return {};
  return [](const std::string& line) { std::fprintf(stderr, "rtlarena fuzz: %s\n", line.c_str()); };
}

void printProgress(const CampaignProgress& p) {
  const double s = p.seconds > 0 ? p.seconds : 1e-9;
  std::fprintf(stderr, "%s%7.1fs  tests %-9llu %7.0f/s  %8.0f insn/s  coverage %zu/%zu (%.1f%%)  mismatches %llu (%zu unique)%s",
               isatty(2) ? "\r" : "", p.seconds, static_cast<unsigned long long>(p.tests), p.tests / s, p.retired / s,
               p.coverage, p.points, p.points ? 100.0 * p.coverage / p.points : 0.0,
               static_cast<unsigned long long>(p.mismatches), p.unique, isatty(2) ? "   " : "\n");
  std::fflush(stderr);
}

std::map<std::string, std::string> parseDefines(const std::vector<std::string>& list) {
  std::map<std::string, std::string> m;
  for (const auto& d : list) {
    auto eq = d.find('=');
    m[d.substr(0, eq)] = eq == std::string::npos ? "" : d.substr(eq + 1);
  }
  return m;
}

// A reused --out folder must hold the same campaign, as a run folder must: otherwise old and
// new mismatches would mix in one folder.
Status checkOutFolder(const std::string& out, const nlohmann::json& config) {
  std::error_code ec;
  if (out.empty() || !fs::exists(out, ec)) return Ok{};
  if (!fs::is_directory(out, ec)) return makeError(ErrorCode::BadArgument, "--out " + out + " is a file, not a folder");
  if (fs::is_empty(out, ec)) return Ok{};
  const fs::path file = fs::path(out) / "campaign.json";
  auto text = readFile(file);
  auto held = text ? nlohmann::json::parse(*text, nullptr, false) : nlohmann::json();
  if (!text || held.is_discarded())
    return makeError(ErrorCode::BadArgument, "--out " + out + " is not empty and holds no campaign.json; give an empty or new folder");
  for (const auto& [key, value] : config.items())
    if (!held.contains(key) || held[key] != value)
      return makeError(ErrorCode::BadArgument, "--out " + out + " holds a campaign with another configuration (" + key + " " +
                                                   (held.contains(key) ? held[key].dump() : "unset") + ", now " + value.dump() +
                                                   "); give another --out");
  return Ok{};
}

}  // namespace

// Everything that decides what a campaign finds, as stored in <out>/campaign.json.
nlohmann::json fuzzCampaignConfig(const FuzzFlags& f, const std::string& coreConfig) {
  return {{"core_config", coreConfig}, {"bug", f.bug}, {"mutant", f.mutant}, {"algo", f.algo},
          {"time", f.time}, {"tests", f.tests}, {"seed", f.seed}, {"arms", f.arms}, {"pull", f.pull},
          {"gamma", f.gamma}, {"gamma_local", f.gammaLocal}, {"alpha", f.alpha}, {"instructions", f.instructions},
          {"family_spread", f.familySpread}, {"coverage", f.coverage}, {"lockstep", !f.noLockstep},
          {"model_coverage", !f.noModelCoverage}, {"reward_per_cycle", f.rewardPerCycle},
          {"stop_on_mismatch", f.stopOnMismatch}, {"minimize", !f.noMinimize}, {"defines", f.defines},
          {"plusargs", f.plusargs}, {"corpus_from", f.corpusFrom}};
}

int runFuzzCampaign(const FuzzFlags& f) {
  if (f.core.empty() && f.mutant.empty())
    return reportError(makeError(ErrorCode::BadArgument, "fuzz: --core CONFIG is required"));
  const double seconds = parseDuration(f.time);
  if (seconds < 0) return reportError(makeError(ErrorCode::BadArgument, "--time '" + f.time + "': expected e.g. 90, 30s, 10m, 1h"));
  if (seconds == 0 && f.tests == 0) return reportError(makeError(ErrorCode::BadArgument, "fuzz: give --time or --tests"));
  auto coverage = parseCoverageKinds(f.coverage);
  if (!coverage) return reportError(coverage.error());
  auto scheduler = makeScheduler(f.algo);
  if (!scheduler) return reportError(scheduler.error());
  std::optional<MutantCorpus> corpus;
  unsigned mutantId = 0;
  if (!f.mutant.empty()) {
    const auto colon = f.mutant.rfind(':');
    const std::string idText = colon == std::string::npos ? "" : f.mutant.substr(colon + 1);
    if (idText.empty() || idText.find_first_not_of("0123456789") != std::string::npos || idText.size() > 5)
      return reportError(makeError(ErrorCode::BadArgument, "--mutant '" + f.mutant + "': expected DIR:ID with a numeric ID"));
    auto c = loadMutantCorpus(f.mutant.substr(0, colon));
    if (!c) return reportError(c.error());
    mutantId = static_cast<unsigned>(std::stoul(idText));
    bool known = false;
    for (const auto& m : c->mutants) known = known || m.id == mutantId;
    if (!known)
      return reportError(makeError(ErrorCode::BadArgument, "--mutant '" + f.mutant + "': " + (c->dir / "mutants.json").string() +
                                                               " lists no visible mutant " + idText));
    corpus = std::move(*c);
  }
  auto corePath = resolveCoreConfig(f.core.empty() ? corpus->coreConfig.string() : f.core);
  if (!corePath) return reportError(corePath.error());
  if (corpus && !f.core.empty() &&
      std::filesystem::weakly_canonical(*corePath) != std::filesystem::weakly_canonical(corpus->coreConfig))
    return reportError(makeError(ErrorCode::BadArgument, "--mutant '" + f.mutant + "' was injected into " +
                                                             corpus->coreConfig.string() + ", not " + corePath->string()));
  const nlohmann::json config = fuzzCampaignConfig(f, corePath->string());
  if (auto s = checkOutFolder(f.out, config); !s) return reportError(s.error());
  std::vector<Program> imported;
  if (!f.corpusFrom.empty()) {
    auto c = readCorpus(f.corpusFrom);
    if (!c) return reportError(c.error());
    imported = std::move(*c);
  }

  // A core that is not ours should be calibrated before its mismatches mean anything.
  if (!f.noProgress && !fs::exists(corePath->parent_path() / "calibration.json") &&
      corePath->string().rfind((fs::path(projectRoot()) / "designs").string(), 0) != 0)
    std::fprintf(stderr, "rtlarena fuzz: note: %s has no calibration.json; run `rtlarena fuzz calibrate --core %s --apply` "
                 "first so that mismatches are bugs, not undeclared tolerances\n",
                 corePath->string().c_str(), corePath->parent_path().string().c_str());
  SessionSpec spec;
  spec.coreConfig = *corePath;
  spec.bug = f.bug;
  spec.extraDefines = parseDefines(f.defines);
  spec.plusargs = f.plusargs;
  std::string mutantName;
  if (corpus) {
    spec.sourcesOverride = corpus->sources;
    spec.plusargs.push_back(mutantPlusarg(mutantId));
    mutantName = "mutant:" + std::to_string(mutantId);
  }
  spec.coverage = *coverage;
  spec.cacheDir = dutCacheDir(f.cacheDir);
  spec.runner.lockstep = !f.noLockstep;
  spec.runner.modelCoverage = !f.noModelCoverage;
  spec.log = logger(f.noProgress);
  auto session = openSession(spec);
  if (!session) return reportError(session.error());
  Session& s = **session;

  CampaignOptions co;
  co.seed = f.seed;
  co.timeSeconds = seconds;
  co.maxTests = f.tests;
  co.arms = f.arms;
  co.pullSize = f.pull;
  co.gamma = f.gamma;
  co.gammaCountsLocal = f.gammaLocal;
  co.alpha = f.alpha;
  co.rewardPerCycle = f.rewardPerCycle;
  co.stopOnMismatch = f.stopOnMismatch;
  co.generator.instructions = f.instructions;
  co.generator.familySpread = f.familySpread;
  co.imported = std::move(imported);
  if (!f.noProgress) co.progress = printProgress;
  // A mutant's find must be its own: a divergence the unmutated core shows too is the core's.
  std::optional<OriginalCore> original;
  if (corpus && spec.runner.lockstep) {
    original.emplace(*s.dut, s.core, s.layout, s.runner->options(), spec.plusargs);
    co.originalShares = [&original](const Program& p, const Divergence& d) { return original->shares(p, d); };
  }
  Campaign campaign(*s.runner, **scheduler, s.core.isa, co);
  CampaignResult r = campaign.run();
  if (!f.noProgress && isatty(2)) std::fprintf(stderr, "\n");

  if (!f.noMinimize && spec.runner.lockstep)
    for (auto& m : r.unique) {
      MinimizeOptions mo;
      mo.seconds = f.minimizeSeconds;
      MinimizeResult mr = minimize(*s.runner, m.program, m.signature, mo);
      // a shorter program on which the original diverges the same way is no reproducer of the mutant
      if (mr.reproduced && !(original && original->shares(mr.program, mr.divergence))) {
        m.minimized = mr.program;
        m.minimizedDivergence = mr.divergence;
      }
    }

  CampaignMeta meta;
  meta.core = s.core.name;
  meta.coreConfig = s.core.file;
  meta.bug = s.bug ? s.bug->id : mutantName;
  meta.plusargs = spec.plusargs;
  for (const auto& p : spec.sourcesOverride) meta.sourcesOverride.push_back(portablePath(p));
  meta.defines = spec.extraDefines;
  meta.coverage = coverageKindsName(*coverage);
  const fs::path calibration = corePath->parent_path() / "calibration.json";
  std::map<std::string, std::vector<std::string>> suspects;
  if (fs::exists(calibration)) {
    if (auto c = readCalibrationSuspects(calibration)) suspects = std::move(*c);
    else std::fprintf(stderr, "rtlarena fuzz: warning: %s\n", c.error().describe().c_str());
  }
  for (const auto& [sig, probes] : suspects) meta.knownDeviations.insert(sig);
  if (!f.out.empty()) {
    if (auto w = writeCampaignOutputs(f.out, r, meta, s.layout, s.artifact.points); !w) return reportError(w.error());
    if (auto w = writeFile(fs::path(f.out) / "campaign.json", config.dump(2) + "\n"); !w) return reportError(w.error());
  }

  if (f.printSummary && f.json) {
    printJson(summaryJson(r, meta));
  } else if (f.printSummary) {
    const double sec = r.seconds > 0 ? r.seconds : 1e-9;
    std::printf("%s on %s%s: %llu tests in %.1f s (%.0f tests/s, %.0f insn/s), coverage %zu/%zu (%.1f%%), "
                "%llu mismatching tests, %zu unique\n",
                r.algo.c_str(), s.core.name.c_str(), meta.bug.empty() ? "" : (" with bug " + meta.bug).c_str(),
                static_cast<unsigned long long>(r.tests), r.seconds, r.tests / sec, r.retired / sec, r.coverage, r.points,
                r.points ? 100.0 * r.coverage / r.points : 0.0, static_cast<unsigned long long>(r.mismatches),
                r.unique.size());
    for (const auto& m : r.unique) {
      std::printf("  %-24s x%-6llu first at test %llu: %s\n", m.signature.c_str(),
                  static_cast<unsigned long long>(m.count), static_cast<unsigned long long>(m.firstTest),
                  (m.minimizedDivergence ? *m.minimizedDivergence : m.divergence).message.c_str());
      if (auto k = suspects.find(m.signature); k != suspects.end()) {
        std::string probes;
        for (const auto& p : k->second) probes += (probes.empty() ? "" : ", ") + p;
        std::printf("  %-24s known: calibration reported it as a suspected bug of the core (%s; %s)\n", "",
                    probes.c_str(), calibration.string().c_str());
      }
    }
    if (!f.out.empty()) std::printf("outputs in %s\n", f.out.c_str());
  }
  return r.unique.empty() ? kExitOk : kExitFailed;
}

namespace {

int runReplay(const std::string& file, const std::string& cacheDir, bool json, bool noProgress) {
  auto rep = readReproducer(file);
  if (!rep) return reportError(rep.error());
  auto coverage = parseCoverageKinds(rep->coverage);
  if (!coverage) return reportError(coverage.error());
  SessionSpec spec;
  spec.coreConfig = resolvePortable(rep->coreConfig);
  if (rep->bug.rfind("mutant:", 0) != 0) spec.bug = rep->bug;  // mutants come as sources + plusarg
  spec.extraDefines = rep->defines;
  spec.plusargs = rep->plusargs;
  for (const auto& s : rep->sourcesOverride) spec.sourcesOverride.push_back(resolvePortable(s));
  spec.coverage = *coverage;
  spec.cacheDir = dutCacheDir(cacheDir);
  spec.runner.keepTrace = true;
  spec.runner.selfCheckExit = rep->selfCheckExit;
  spec.log = logger(noProgress);
  auto session = openSession(spec);
  if (!session) return reportError(session.error());
  TestResult t = (*session)->runner->run(rep->program);
  const bool same = t.divergence && t.divergence->signature() == rep->signature &&
                    t.divergence->index == rep->divergence.index &&
                    std::memcmp(&t.divergence->actual, &rep->divergence.actual, offsetof(Rvfi, valid)) == 0;
  if (json) {
    nlohmann::json j = {{"reproduced", same}, {"signature", t.divergence ? t.divergence->signature() : ""},
                        {"expected_signature", rep->signature}, {"retired", t.retired},
                        {"end", std::string(endReasonName(t.end))},
                        {"message", t.divergence ? t.divergence->message : ""}};
    printJson(j.dump());
  } else {
    const size_t from = t.trace.size() > 12 ? t.trace.size() - 12 : 0;
    for (size_t i = from; i < t.trace.size(); ++i)
      std::printf("%5zu  %s\n", i, describeRetirement(t.trace[i].actual).c_str());
    if (t.divergence) {
      std::printf("divergence at retirement %llu (%s): %s\n  expected %s\n  actual   %s\n",
                  static_cast<unsigned long long>(t.divergence->index), t.divergence->signature().c_str(),
                  t.divergence->message.c_str(), describeRetirement(t.divergence->expected).c_str(),
                  describeRetirement(t.divergence->actual).c_str());
    } else {
      std::printf("no divergence (test ended: %s after %llu retirements)\n", std::string(endReasonName(t.end)).c_str(),
                  static_cast<unsigned long long>(t.retired));
    }
    std::printf("%s\n", same ? "reproduced: identical divergence" : "NOT reproduced");
  }
  return same ? kExitOk : kExitFailed;
}

}  // namespace

void addFuzzCommand(CLI::App& app, int& exitCode) {
  auto f = std::make_shared<FuzzFlags>();
  CLI::App* sub = app.add_subcommand("fuzz", "Fuzz a RISC-V core with lockstep checking and bandit scheduling");
  sub->add_option("--core", f->core, "core.json, a folder holding one, or a core name (mc, p5)");
  sub->add_option("--bug", f->bug, "Compile in a catalogued bug (designs/riscv/bugs.json id)");
  sub->add_option("--algo", f->algo, "Scheduler: uniform, egreedy, ucb1, exp3, thompson, swucb, ducb; A,B,... for a sweep")->capture_default_str();
  sub->add_option("--time", f->time, "Time budget: 90, 30s, 10m, 1h");
  sub->add_option("--tests", f->tests, "Test budget");
  sub->add_option("--seed", f->seed, "Random seed")->capture_default_str();
  sub->add_option("--seeds", f->seeds, "A sweep: one campaign per scheduler of --algo A,B,... and seed, e.g. 1-30 or 1,4,9-12, "
                  "each in OUT/campaigns/ALGO-sSEED, tables over all (docs/FUZZING.md)");
  sub->add_option("--shard", f->shard, "I/N: only the sweep's campaigns shard I of N runs (join with `merge --fuzz`)");
  sub->add_option("--out", f->out, "Output folder (coverage.csv, arms.csv, mismatches/, corpus/, summary.json)");
  addJsonFlag(*sub, f->json, "Print {tests, tests_per_second, instructions_per_second, coverage, mismatches, bugs_found, ...}");
  sub->add_option("--coverage", f->coverage, "RTL coverage: line, toggle, line,toggle or none")->capture_default_str();
  sub->add_flag("--no-lockstep", f->noLockstep, "Do not check retirements against the ISA model");
  sub->add_flag("--no-model-coverage", f->noModelCoverage, "Count only RTL coverage points");
  sub->add_option("--corpus-from", f->corpusFrom, "Seed arms from another campaign's corpus (its --out folder)");
  sub->add_flag("--reward-per-cycle", f->rewardPerCycle, "Divide each pull's reward by the kilocycles it simulated");
  sub->add_option("--arms", f->arms, "Number of arms (seed families)")->capture_default_str();
  sub->add_option("--pull", f->pull, "Tests per pull")->capture_default_str();
  sub->add_option("--gamma", f->gamma, "Reset an arm after this many pulls without a point new to the campaign")
      ->capture_default_str();
  sub->add_flag("--gamma-local", f->gammaLocal, "The gamma rule also counts points new only to the arm");
  sub->add_option("--alpha", f->alpha, "Reward weight of arm-local new points")->capture_default_str();
  sub->add_option("--instructions", f->instructions, "Random instructions per generated test")->capture_default_str();
  sub->add_option("--family-spread", f->familySpread,
                  "How much seed families' instruction mixes differ (0: all alike)")->capture_default_str()->check(CLI::Range(0.0, 4.0));
  sub->add_flag("--stop-on-mismatch", f->stopOnMismatch, "End at the first divergence");
  sub->add_flag("--no-minimize", f->noMinimize, "Keep mismatching programs as found");
  sub->add_option("--minimize-seconds", f->minimizeSeconds, "Time per mismatch for minimization")->capture_default_str();
  sub->add_option("--cache-dir", f->cacheDir, "Cache root: built DUTs in DIR/duts (default $RTLARENA_CACHE, else ~/.cache/rtlarena)");
  sub->add_option("--define", f->defines, "Extra Verilog define NAME[=VALUE] (repeatable)");
  sub->add_option("--plusarg", f->plusargs, "Plusarg passed to the design (repeatable)");
  sub->add_option("--mutant", f->mutant, "Fuzz injected bug ID of a `fuzz inject` folder: DIR:ID");
  addNoProgressFlag(*sub, f->noProgress);
  addHiddenQuietAlias(*sub, f->noProgress);
  sub->add_flag("--list-algos", f->listAlgos, "Print the scheduler names and exit");
  sub->require_subcommand(0, 1);

  struct ReplayFlags {
    std::string file, cacheDir;
    bool json = false, noProgress = false;
  };
  auto rf = std::make_shared<ReplayFlags>();
  CLI::App* replay = sub->add_subcommand("replay", "Rerun one reproducer (mismatches/*/repro.json) deterministically");
  replay->add_option("repro", rf->file, "repro.json")->required();
  replay->add_option("--cache-dir", rf->cacheDir, "Cache root: built DUTs in DIR/duts (default $RTLARENA_CACHE, else ~/.cache/rtlarena)");
  addJsonFlag(*replay, rf->json, "Print {reproduced, signature, ...}");
  addNoProgressFlag(*replay, rf->noProgress);
  addHiddenQuietAlias(*replay, rf->noProgress);
  replay->callback([rf, &exitCode] { exitCode = runReplay(rf->file, rf->cacheDir, rf->json, rf->noProgress); });

  auto inf = std::make_shared<InjectOptions>();
  auto injectCore = std::make_shared<std::string>();
  auto injectJson = std::make_shared<bool>(false);
  auto injectNoProgress = std::make_shared<bool>(false);
  CLI::App* inject = sub->add_subcommand("inject", "Make a corpus of architecturally visible injected bugs (Yosys mutate)");
  inject->add_option("--core", *injectCore, "core.json or core name")->required();
  inject->add_option("-n", inf->count, "Mutations to try")->capture_default_str();
  inject->add_option("--seed", inf->seed, "Mutation seed")->capture_default_str();
  inject->add_option("--out", inf->outDir, "Output folder (mutants.json, the mutated netlist)")->required();
  inject->add_option("--directed-tests", inf->directedTests, "Random tests per mutant in the visibility check")->capture_default_str();
  inject->add_option("--formal-depth", inf->formalDepth, "Cycles the formal visibility check unrolls (0: directed run only)")
      ->capture_default_str();
  inject->add_option("--formal-words", inf->formalWords, "Words of memory the formal check's programs may fill")
      ->check(CLI::Range(1u, 16384u))
      ->capture_default_str();
  inject->add_option_function<unsigned>(
            "--formal-timeout", [inf](unsigned s) { inf->formalTimeout = std::chrono::seconds(s); },
            "Seconds the formal check may spend per mutation (default 30)")
      ->check(CLI::Range(1u, 86400u));
  inject->add_flag_function(
      "--formal-stand-ins", [inf](std::int64_t) { inf->formalStandIns = true; },
      "Retry formal time-outs on a second miter whose multipliers and dividers compute cheap stand-ins");
  inject->add_option("--cache-dir", inf->cacheDir, "Cache root: built DUTs in DIR/duts (default $RTLARENA_CACHE, else ~/.cache/rtlarena)");
  addJsonFlag(*inject, *injectJson, "Print the summary as JSON");
  addNoProgressFlag(*inject, *injectNoProgress);
  inject->callback([inf, injectCore, injectJson, injectNoProgress, &exitCode] {
    auto corePath = resolveCoreConfig(*injectCore);
    if (!corePath) { exitCode = reportError(corePath.error()); return; }
    inf->coreConfig = *corePath;
    if (!inf->cacheDir.empty()) inf->cacheDir = dutCacheDir(inf->cacheDir.string());
    inf->log = logger(*injectNoProgress);
    auto r = injectBugs(*inf);
    if (!r) { exitCode = reportError(r.error()); return; }
    if (*injectJson) printJson(injectSummaryJson(*r));
    else
      std::printf("%zu mutations tried, %zu architecturally visible (directed run %zu, formal %zu), kept in %s\nformal: %s\n",
                  r->tried, r->visible, r->visibleDirected, r->visibleFormal, inf->outDir.string().c_str(),
                  r->formalNote.c_str());
    exitCode = kExitOk;
  });

  CLI::App* calibrateCmd = addFuzzCalibrateCommand(*sub, exitCode);

  sub->callback([f, sub, replay, inject, calibrateCmd, &exitCode] {
    if (onlyCheckingFlags()) return;
    if (sub->got_subcommand(replay) || sub->got_subcommand(inject) || sub->got_subcommand(calibrateCmd)) return;
    if (f->listAlgos) {
      for (const auto& n : schedulerNames()) std::printf("%s\n", n.c_str());
      exitCode = kExitOk;
      return;
    }
    f->seedGiven = sub->get_option("--seed")->count() > 0;
    exitCode = f->isSweep() ? runFuzzSweep(*f) : runFuzzCampaign(*f);
  });
}

}  // namespace rtlarena::cli
