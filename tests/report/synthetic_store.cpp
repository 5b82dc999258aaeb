// Synthetic run stores and fuzz campaigns (see synthetic_store.h).
#include "synthetic_store.h"

#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/store/store.h"

namespace rtlarena::testing {

namespace {

std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

double unit(std::uint64_t x) { return static_cast<double>(mix(x) >> 11) / 9007199254740992.0; }

std::string taskId(int i) {
  char b[32];
  std::snprintf(b, sizeof b, "task_%03d", i);
  return b;
}

EvalRecord evalRow(const std::string& task, int sample, const std::string& mode, Verdict v, const std::string& cls) {
  EvalRecord r;
  r.taskId = task;
  r.sample = sample;
  r.mode = mode;
  r.eval.verdict = v;
  r.eval.cls = cls;
  r.eval.message = v == Verdict::Pass ? "all outputs match" : std::string(verdictName(v)) + " in " + task;
  r.eval.logTail = v == Verdict::Pass ? "" : "tb: checking outputs\n" + std::string(verdictName(v)) + " at cycle 17\n";
  r.eval.simulator = "icarus";
  return r;
}

}  // namespace

Status writeSyntheticRun(const std::filesystem::path& dir, const SyntheticRun& run) {
  auto store = Store::open(dir / "results.sqlite");
  if (!store) return store.error();
  RunRecord r;
  r.runId = "run-" + run.model + "-" + run.suite;
  r.suite = run.suite;
  r.model = run.model;
  r.configJson = nlohmann::json({{"suite", run.suite}, {"model", run.model}, {"samples_per_task", run.samples}}).dump();
  r.toolVersionsJson = R"({"iverilog":"12.0","yosys":"0.23"})";
  r.gitRevision = "0123456789abcdef0123456789abcdef01234567";
  r.createdAt = run.createdAt;
  r.samplesPerTask = run.samples;
  r.status = "complete";
  if (auto s = (*store)->createRun(r); !s) return s;
  static const Verdict kFails[] = {Verdict::SyntaxError, Verdict::CompileError, Verdict::Mismatch, Verdict::Mismatch,
                                   Verdict::SimTimeout, Verdict::NoCode};
  static const char* kClasses[] = {"unexpected_token", "undeclared_identifier", "", "", "", ""};
  for (int t = 0; t < run.tasks; ++t) {
    const std::string id = taskId(t);
    const char* difficulty = t % 3 == 0 ? "easy" : t % 3 == 1 ? "medium" : "hard";
    nlohmann::json meta = {{"tags", {t % 2 ? "sequential" : "combinational"}}, {"difficulty", difficulty}, {"kind", "spec-to-rtl"}};
    if (auto s = (*store)->putExtra("task", id, meta.dump()); !s) return s;
    const double chance = run.skill * (t % 3 == 0 ? 1.0 : t % 3 == 1 ? 0.6 : 0.25);
    for (int k = 0; k < run.samples; ++k) {
      const std::uint64_t h = run.seed * 1000003ULL + static_cast<std::uint64_t>(t) * 7919ULL + static_cast<std::uint64_t>(k);
      SampleRecord s;
      s.taskId = id;
      s.sample = k;
      s.promptJson = nlohmann::json::array({{{"role", "user"}, {"content", "Write TopModule for " + id + "."}}}).dump();
      s.code = "module TopModule(input a, output y);\n  assign y = " + std::string(k % 2 ? "a" : "~a") + ";\nendmodule\n";
      s.rawAnswer = "```verilog\n" + s.code + "```\n";
      s.tokensIn = 100 + t;
      s.tokensOut = 40 + k;
      if (auto st = (*store)->putSample(s); !st) return st;
      EvalRecord e;
      if (t == 0 && k < run.harnessErrors) e = evalRow(id, k, "native", Verdict::HarnessError, "");
      else if (unit(h) < chance) e = evalRow(id, k, "native", Verdict::Pass, "");
      else {
        const int f = static_cast<int>(mix(h + 17) % 6);
        e = evalRow(id, k, "native", kFails[f], kClasses[f]);
      }
      if (auto st = (*store)->putEvaluation(e); !st) return st;
    }
    if (run.controls) {
      if (auto st = (*store)->putEvaluation(evalRow(id, 0, "golden", Verdict::Pass, "")); !st) return st;
      if (auto st = (*store)->putEvaluation(evalRow(id, 0, "control", Verdict::Mismatch, "")); !st) return st;
    }
  }
  return Ok{};
}

Status writeSyntheticCampaign(const std::filesystem::path& dir, const std::string& algo, int seed, bool findsBug) {
  const int tests = 2000, arms = 4;
  std::string coverage = "tests,seconds,cycles,coverage,mismatches\n", trace = "tests";
  for (int a = 0; a < arms; ++a) trace += ",arm_" + std::to_string(a);
  trace += "\n";
  std::vector<std::uint64_t> armTests(arms, 0);
  int cov = 0;
  for (int t = 0; t <= tests; t += 100) {
    cov = 300 + static_cast<int>(400.0 * (1.0 - 1.0 / (1.0 + t / (algo == "uniform" ? 900.0 : 500.0)))) + seed * 3;
    coverage += std::to_string(t) + "," + std::to_string(t / 1000.0) + "," + std::to_string(t * 30) + "," + std::to_string(cov) + ",0\n";
    if (t > 0)
      for (int k = 0; k < 100; ++k) armTests[mix(static_cast<std::uint64_t>(t + k + seed)) % (t < 1000 ? arms : 2)] += 1;
    trace += std::to_string(t);
    for (auto n : armTests) trace += "," + std::to_string(n);
    trace += "\n";
  }
  std::string armsCsv = "arm,pulls,tests,resets,reward,raw_reward,global_new,imported_seeds,estimate\n";
  for (int a = 0; a < arms; ++a)
    armsCsv += std::to_string(a) + ",10," + std::to_string(armTests[a]) + ",1,0.5000,3.00,5,0,0.10000\n";
  const int first = 400 + 100 * seed + (algo == "uniform" ? 600 : 0);
  nlohmann::json summary = {{"core", "mc"}, {"bug", "b01"}, {"algo", algo}, {"seed", seed}, {"tests", tests},
                            {"seconds", 2.0}, {"coverage", cov}, {"coverage_points", 1000},
                            {"unique_mismatches", findsBug ? 1 : 0}, {"bugs_found", findsBug ? 1 : 0},
                            {"arm_tests", armTests}};
  summary["first_mismatch_test"] = findsBug ? nlohmann::json(first) : nlohmann::json();
  summary["first_mismatch_seconds"] = findsBug ? nlohmann::json(first / 1000.0) : nlohmann::json();
  if (findsBug) summary["first_signature"] = "rd_wdata@add";
  nlohmann::json mismatches = nlohmann::json::array();
  if (findsBug)
    mismatches.push_back({{"signature", "rd_wdata@add"}, {"count", 3}, {"first_test", first}, {"first_seconds", first / 1000.0},
                          {"message", "rd_wdata differs"}, {"words", 4}, {"dir", "mismatches/01-rd_wdata_add"}});
  for (const auto& [name, text] : {std::pair<std::string, std::string>{"summary.json", summary.dump(2)},
                                   {"coverage.csv", coverage}, {"arms.csv", armsCsv}, {"arms_over_time.csv", trace},
                                   {"mismatches.json", mismatches.dump(2)}})
    if (auto s = writeFile(dir / name, text); !s) return s;
  return Ok{};
}

}  // namespace rtlarena::testing
