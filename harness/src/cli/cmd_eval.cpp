// `rtlarena eval`: one file against one task; prints the verdict and the log tail.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "common.h"
#include "shared_flags.h"
#include "rtlarena/core/files.h"
#include "rtlarena/core/json_tidy.h"
#include "rtlarena/core/text.h"
#include "rtlarena/eval/differential.h"
#include "rtlarena/eval/evaluator.h"
#include "rtlarena/equiv/judge.h"
#include "rtlarena/eval/extract.h"
#include "rtlarena/formal/answer_judge.h"
#include "rtlarena/formal/mutation_score.h"
#include "rtlarena/tasks/suite.h"

namespace rtlarena::cli {

namespace fs = std::filesystem;

void addEvalCommand(CLI::App& app, int& exitCode) {
  struct Flags {
    std::string task, file, dataset, keepDir, vcd;
    long long seed = 0;
    SimulatorKind simulator = SimulatorKind::Icarus;
    bool json = false, noSandbox = false, raw = false;
    std::string judge = "sim";
    double judgeTimeout = 30;
    int assertMutants = 0;
    unsigned assertMutantsSeed = 1;
    DifferentialSettings differential;
  };
  auto f = std::make_shared<Flags>();
  CLI::App* sub = app.add_subcommand("eval", "Evaluate one Verilog file (or a model answer) against one task");
  sub->add_option("--task", f->task, "Task id, suite/id, or task directory (with --dataset: a problem id of the dataset)")
      ->required();
  sub->add_option("file", f->file, "Candidate Verilog file, or a raw model answer with --answer; - reads standard input")
      ->required();
  sub->add_option("--dataset", f->dataset, "FORMAT:PATH of another benchmark whose problem --task names");
  sub->add_option("--keep", f->keepDir, "Keep the job folder (sources, logs, build) under this folder");
  sub->add_option("--vcd", f->vcd, "Write the simulation's waves to this VCD file (Icarus)");
  CLI::Option* seed = sub->add_option("--seed", f->seed, "Seed given to the testbench as +seed=N")->default_str("the bench's own");
  sub->add_flag("--answer", f->raw, "The file is a raw model answer: extract the code first");
  addJsonFlag(*sub, f->json, "Print verdict, class, mismatches, samples, log_tail as JSON");
  sub->add_flag("--no-sandbox", f->noSandbox, "Run without bubblewrap (unsafe)");
  addJudgeOptions(*sub, f->judge, f->judgeTimeout, /*differential=*/true);
  addDifferentialOptions(*sub, f->differential);
  addSimOption(*sub, f->simulator);
  CLI::Option* assertMutants =
      sub->add_option("--assert-mutants", f->assertMutants,
                      "Assertion task: also score the answer by how many of N mutants of the design "
                      "(not equivalent to it) its proven assertions catch")
          ->check(CLI::Range(1, 1000));
  sub->add_option("--assert-mutants-seed", f->assertMutantsSeed, "Seed of those mutants")
      ->capture_default_str()->needs(assertMutants);
  sub->callback([f, seed, &exitCode] {
    if (!f->vcd.empty() && f->simulator != SimulatorKind::Icarus) {
      exitCode = reportError(makeError(ErrorCode::BadArgument, "--vcd needs --sim icarus"));
      return;
    }
    auto task = f->dataset.empty() ? findTask(f->task) : findDatasetTask(f->dataset, f->task);
    if (!task) { exitCode = reportError(task.error()); return; }
    const bool fromStdin = f->file == "-";
    std::error_code ec;
    if (!fromStdin && fs::is_directory(f->file, ec)) {
      exitCode = reportError(makeError(ErrorCode::Io, f->file + " is a folder; give a Verilog file (or a model answer with --answer)"));
      return;
    }
    auto text = fromStdin ? readStdin() : readFile(f->file);
    if (!text) { exitCode = reportError(text.error()); return; }
    if (trim(*text).empty()) {
      exitCode = reportError(makeError(ErrorCode::Io, (fromStdin ? std::string("standard input") : f->file) + " is empty"));
      return;
    }
    auto sandbox = sandboxFromFlags(f->noSandbox);
    if (!sandbox) { exitCode = reportError(sandbox.error()); return; }
    std::string code = *text;
    if (f->raw) {
      ExtractOptions eo = extractOptionsFor(*task);
      code = extractCandidate(*text, eo).code;
    }
    EvalOptions eo;
    eo.sandbox = *sandbox;
    if (seed->count() > 0) eo.plusargs.push_back("seed=" + std::to_string(f->seed));
    if (!f->vcd.empty()) eo.vcdFile = fs::absolute(f->vcd).string();
    if (!f->keepDir.empty()) {
      fs::create_directories(f->keepDir, ec);
      eo.workRoot = fs::absolute(f->keepDir).string();
      eo.keepJobDirs = true;
    }
    // `both`: Icarus, then Verilator on the same candidate; a verdict that differs between
    // them points at a race or an X-dependent testbench rather than at the candidate.
    const bool both = f->simulator == SimulatorKind::Both && !isFormalKind(task->kind);
    std::vector<Evaluation> evals;
    std::string formalDetail;  // assertion and nl2sva tasks: the checker's verdict per assertion
    std::optional<formal::MutationScore> mutation;  // --assert-mutants
    if (f->assertMutants > 0 && task->kind != TaskKind::Assertion) {
      exitCode = reportError(makeError(ErrorCode::BadArgument, "--assert-mutants needs an assertion task; '" + task->id +
                                                                   "' is a " + std::string(taskKindName(task->kind)) + " task"));
      return;
    }
    if (isFormalKind(task->kind)) {
      formal::CheckOptions co;
      co.sandbox = *sandbox;
      formal::FormalJudgement j = formal::judgeFormalAnswer(*task, code, co);
      if (f->assertMutants > 0 && j.report && j.request) {
        formal::MutationScoreOptions mo;
        mo.mutants = f->assertMutants;
        mo.seed = f->assertMutantsSeed;
        mo.jobs = 2;
        formal::MutantCache cache(formal::MutantCache::defaultDir());
        mo.cache = &cache;
        auto scored = formal::scoreByMutants(*j.request, *j.report, co, mo);
        if (!scored) { exitCode = reportError(scored.error()); return; }
        mutation = std::move(*scored);
      }
      evals.push_back(std::move(j.eval));
      formalDetail = std::move(j.detailJson);
    }
    for (SimulatorKind sim : isFormalKind(task->kind) ? std::vector<SimulatorKind>{}
                             : both ? std::vector{SimulatorKind::Icarus, SimulatorKind::Verilator} : std::vector{f->simulator}) {
      eo.simulator = sim;
      evals.push_back(Evaluator(eo).evaluate(*task, code));
      // Messages speak of the user's file, not of the job's copy of it.
      const std::string shown = fromStdin ? "<stdin>" : fs::path(f->file).filename().string();
      evals.back().message = replaceAll(evals.back().message, "candidate.sv", shown);
      evals.back().logTail = replaceAll(evals.back().logTail, "candidate.sv", shown);
    }
    // --judge: the proof, for a candidate the testbench could judge (the policy passed, it compiled).
    std::optional<Evaluation> proof;
    const bool judgeable = evals[0].verdict == Verdict::Pass || evals[0].verdict == Verdict::Mismatch ||
                           evals[0].verdict == Verdict::SimTimeout || evals[0].verdict == Verdict::SimCrash;
    // --judge differential: the generated random-stimulus bench through the same evaluator
    // (the verdict `rtlarena serve` shapes under [function] judge = "differential").
    if (f->judge == "differential" && judgeable) {
      auto diffTask = differentialTask(*task, f->differential);
      if (!diffTask) { exitCode = reportError(diffTask.error()); return; }
      eo.simulator = both ? SimulatorKind::Icarus : f->simulator;
      proof = Evaluator(eo).evaluate(*diffTask, code);
      explainDifferential(*proof);
      proof->message = replaceAll(proof->message, "candidate.sv", fromStdin ? "<stdin>" : fs::path(f->file).filename().string());
    }
    if (f->judge != "sim" && f->judge != "differential" && (evals[0].verdict == Verdict::Pass || evals[0].verdict == Verdict::Mismatch ||
                              evals[0].verdict == Verdict::SimTimeout || evals[0].verdict == Verdict::SimCrash)) {
      equiv::EquivOptions jo;
      jo.sandbox = *sandbox;
      jo.timeout = std::chrono::milliseconds(static_cast<long long>(f->judgeTimeout * 1000));
      const auto [reference, refTop] = equiv::taskReference(*task);
      auto judged = equiv::judgeEquivalence(reference, refTop, code, task->top, jo);
      if (!judged) { exitCode = reportError(judged.error()); return; }
      proof = equiv::asEvaluation(*judged);
    }
    const bool disagree = both && (evals[0].verdict != evals[1].verdict || evals[0].mismatches != evals[1].mismatches);
    auto toJson = [&](const Evaluation& e) {
      nlohmann::json j = {{"task", task->id},        {"verdict", verdictName(e.verdict)},
                          {"class", e.cls},          {"message", e.message},
                          {"mismatches", countOrNull(e.mismatches)}, {"samples", countOrNull(e.samples)},
                          {"log_tail", e.logTail},   {"seconds", e.wallSeconds}};
      j["simulator"] = e.simulator;
      j["compile_seconds"] = e.compileSeconds;
      j["sim_seconds"] = e.simSeconds;
      return j;
    };
    if (f->json) {
      nlohmann::json j = toJson(evals[0]);
      if (!formalDetail.empty()) j["formal"] = nlohmann::json::parse(formalDetail);
      if (mutation) j["mutation"] = nlohmann::json::parse(formal::mutationScoreToJson(*mutation));
      if (both) {
        j["verilator"] = toJson(evals[1]);
        j["simulators_disagree"] = disagree;
      }
      if (proof && f->judge == "differential")
        j["differential"] = {{"verdict", verdictName(proof->verdict)}, {"class", proof->cls}, {"message", proof->message},
                             {"mismatches", countOrNull(proof->mismatches)}, {"samples", countOrNull(proof->samples)},
                             {"seconds", proof->wallSeconds}};
      else if (proof)
        j["equiv"] = {{"verdict", proof->cls}, {"message", proof->message}, {"seconds", proof->wallSeconds}};
      printJson(j.dump());
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
    if (mutation && !f->json) std::printf("%s", formal::mutationScoreToText(*mutation).c_str());
    if (proof && !f->json && f->judge == "differential")
      std::printf("differential: %s%s%s\n", std::string(verdictName(proof->verdict)).c_str(),
                  proof->message.empty() ? "" : ", ", proof->message.c_str());
    else if (proof && !f->json)
      std::printf("equivalence: %s%s%s\n", proof->cls.c_str(), proof->message.empty() ? "" : ": ", proof->message.c_str());
    bool allPass = !proof || proof->passed();
    bool harness = false;
    for (const Evaluation& e : evals) {
      allPass = allPass && e.verdict == Verdict::Pass;
      harness = harness || e.verdict == Verdict::HarnessError;
    }
    exitCode = allPass ? kExitOk : harness ? kExitInternal : kExitFailed;
  });
}

}  // namespace rtlarena::cli
