// Writers for campaign outputs. File names are stable (coverage.csv, arms.csv,
// arms_over_time.csv, summary.json,
// mismatches/NN-signature/, corpus/<hash>.txt) so that scripts can rely on them.
#include "rtlarena/fuzz/report.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/core/hash.h"
#include "rtlarena/fuzz/decode.h"
#include "rtlarena/fuzz/model_coverage.h"

namespace rtlarena::fuzz {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {
std::string fmt(const char* f, double v) {
  char b[64];
  std::snprintf(b, sizeof b, f, v);
  return b;
}
std::string sanitize(const std::string& s) {
  std::string o;
  for (char c : s) o += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
  return o;
}
std::string hex(uint32_t v) {
  char b[16];
  std::snprintf(b, sizeof b, "0x%08x", v);
  return b;
}
}  // namespace

std::string summaryJson(const CampaignResult& r, const CampaignMeta& meta) {
  const double s = r.seconds > 0 ? r.seconds : 1e-9;
  json j = {{"core", meta.core},
            {"bug", meta.bug},
            {"algo", r.algo},
            {"seed", r.seed},
            {"tests", r.tests},
            {"seconds", r.seconds},
            {"tests_per_second", static_cast<double>(r.tests) / s},
            {"instructions_per_second", static_cast<double>(r.retired) / s},
            {"cycles_per_second", static_cast<double>(r.cycles) / s},
            {"instructions", r.retired},
            {"coverage", r.coverage},
            {"coverage_points", r.points},
            {"coverage_percent", r.points ? 100.0 * static_cast<double>(r.coverage) / static_cast<double>(r.points) : 0.0},
            {"coverage_kinds", meta.coverage},
            {"baseline", r.baseline},
            {"mismatches", r.mismatches},
            {"unique_mismatches", r.unique.size()},
            // mutant campaigns: divergences the unmutated core shows too (not counted above)
            {"shared_with_original", r.sharedWithOriginal},
            // with --bug: whether the injected bug was detected; else distinct signatures
            {"bugs_found", meta.bug.empty() ? r.unique.size() : (r.unique.empty() ? 0 : 1)},
            {"corpus", r.corpus.size()},
            {"imported_seeds_chosen", r.importedChosen}};
  // arm statistics, for reading why a scheduler did or did not pay off
  uint64_t resets = 0;
  nlohmann::json armTests = nlohmann::json::array();
  for (const ArmStats& a : r.arms) resets += a.resets, armTests.push_back(a.tests);
  j["arm_resets"] = resets;
  j["arm_tests"] = armTests;
  // signatures calibration already reported as the core's own deviations, and the rest
  nlohmann::json known = nlohmann::json::array();
  size_t unexplained = 0;
  for (const auto& m : r.unique) {
    if (meta.knownDeviations.count(m.signature)) known.push_back(m.signature);
    else ++unexplained;
  }
  j["known_deviations"] = known;
  j["unique_not_known"] = unexplained;
  if (!r.unique.empty()) {
    j["first_mismatch_test"] = r.unique.front().firstTest;
    j["first_mismatch_seconds"] = r.unique.front().firstSeconds;
    j["first_signature"] = r.unique.front().signature;
  } else {
    j["first_mismatch_test"] = nullptr;
    j["first_mismatch_seconds"] = nullptr;
  }
  return j.dump();
}

Reproducer reproducerFor(const Mismatch& m, const CampaignResult& r, const CampaignMeta& meta) {
  Reproducer rep;
  rep.core = meta.core;
  rep.coreConfig = portablePath(meta.coreConfig);
  rep.bug = meta.bug;
  rep.defines = meta.defines;
  rep.plusargs = meta.plusargs;
  rep.sourcesOverride = meta.sourcesOverride;
  rep.coverage = meta.coverage;
  rep.algo = r.algo;
  rep.seed = r.seed;
  rep.test = m.firstTest;
  rep.signature = m.signature;
  rep.program = m.minimized ? *m.minimized : m.program;
  rep.divergence = m.minimizedDivergence ? *m.minimizedDivergence : m.divergence;
  return rep;
}

std::string mismatchReport(const Mismatch& m, const Layout& layout) {
  const Program& p = m.minimized ? *m.minimized : m.program;
  const Divergence& d = m.minimizedDivergence ? *m.minimizedDivergence : m.divergence;
  std::string s = "# Mismatch `" + m.signature + "`\n\n";
  s += "- first seen: test " + std::to_string(m.firstTest) + " after " + fmt("%.3f", m.firstSeconds) + " s; " +
       std::to_string(m.count) + " diverging tests in total\n";
  s += "- program: " + std::to_string(p.body.size()) + " words" +
       (m.minimized ? " (minimized from " + std::to_string(m.program.body.size()) + ")" : "") + "\n";
  s += "- divergence at retirement " + std::to_string(d.index) + ": " + d.message + "\n\n";
  s += "| | retirement |\n|---|---|\n";
  s += "| expected | `" + describeRetirement(d.expected) + "` |\n";
  s += "| actual | `" + describeRetirement(d.actual) + "` |\n\n";
  s += "## Program (body at " + hex(layout.bodyBase) + ", data at " + hex(layout.dataBase) + ")\n\n```\n";
  for (size_t i = 0; i < p.body.size(); ++i) {
    uint32_t pc = layout.bodyBase + 4 * static_cast<uint32_t>(i);
    s += hex(pc) + ": " + hex(p.body[i]) + "  " + disassemble(p.body[i], pc) + "\n";
  }
  s += "```\n";
  if (!p.data.empty()) {
    s += "\nData words: ";
    for (uint32_t w : p.data) s += hex(w) + " ";
    s += "\n";
  }
  s += "\nReplay: `rtlarena fuzz replay repro.json`\n";
  return s;
}

Status writeCampaignOutputs(const fs::path& out, const CampaignResult& r, const CampaignMeta& meta,
                            const Layout& layout, const std::vector<CoverPoint>& points) {
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) return makeError(ErrorCode::Io, out.string() + ": cannot create: " + ec.message());
  std::string csv = "tests,seconds,cycles,coverage,mismatches\n";
  for (const auto& c : r.curve)
    csv += std::to_string(c.tests) + "," + fmt("%.4f", c.seconds) + "," + std::to_string(c.cycles) + "," +
           std::to_string(c.coverage) + "," + std::to_string(c.mismatches) + "\n";
  if (auto s = writeFile(out / "coverage.csv", csv); !s) return s;
  std::string arms = "arm,pulls,tests,resets,reward,raw_reward,global_new,imported_seeds,estimate\n";
  for (size_t i = 0; i < r.arms.size(); ++i) {
    const ArmStats& a = r.arms[i];
    arms += std::to_string(i) + "," + std::to_string(a.pulls) + "," + std::to_string(a.tests) + "," +
            std::to_string(a.resets) + "," + fmt("%.4f", a.reward) + "," + fmt("%.2f", a.rawReward) + "," +
            std::to_string(a.globalNew) + "," + std::to_string(a.importedSeeds) + "," + fmt("%.5f", a.estimate) + "\n";
  }
  if (auto s = writeFile(out / "arms.csv", arms); !s) return s;
  // Arm selection over time: the tests each arm had run at each coverage sample.
  std::string trace = "tests";
  for (size_t i = 0; i < r.arms.size(); ++i) trace += ",arm_" + std::to_string(i);
  trace += "\n";
  for (const auto& c : r.curve) {
    trace += std::to_string(c.tests);
    for (size_t i = 0; i < r.arms.size(); ++i) trace += "," + std::to_string(i < c.armTests.size() ? c.armTests[i] : 0);
    trace += "\n";
  }
  if (auto s = writeFile(out / "arms_over_time.csv", trace); !s) return s;

  json list = json::array();
  for (size_t i = 0; i < r.unique.size(); ++i) {
    const Mismatch& m = r.unique[i];
    char idx[24];
    std::snprintf(idx, sizeof idx, "%02zu", i + 1);
    fs::path dir = out / "mismatches" / (std::string(idx) + "-" + sanitize(m.signature));
    if (auto s = writeReproducer(dir / "repro.json", reproducerFor(m, r, meta)); !s) return s;
    if (auto s = writeFile(dir / "report.md", mismatchReport(m, layout)); !s) return s;
    list.push_back({{"signature", m.signature}, {"count", m.count}, {"first_test", m.firstTest},
                    {"first_seconds", m.firstSeconds}, {"message", m.divergence.message},
                    {"words", (m.minimized ? *m.minimized : m.program).body.size()},
                    {"dir", fs::relative(dir, out).string()}});
  }
  if (auto s = writeFile(out / "mismatches.json", list.dump(2) + "\n"); !s) return s;

  std::string index;
  for (const Program& p : r.corpus) {
    std::string text = programToText(p, &layout);
    std::string name = sha256Hex(text).substr(0, 16) + ".txt";
    if (auto s = writeFile(out / "corpus" / name, "# rtlarena fuzz corpus test (core " + meta.core + ")\n" + text); !s)
      return s;
  }
  std::string unc;
  for (size_t i = 0; i < points.size() && i < r.covered.size(); ++i)
    if (!r.covered[i])
      unc += std::to_string(i) + "\t" + points[i].kind + "\t" + points[i].file + ":" +
             std::to_string(points[i].line) + "\t" + points[i].comment + "\n";
  for (size_t i = points.size(); i < r.covered.size(); ++i)
    if (!r.covered[i]) unc += std::to_string(i) + "\tmodel\t" + ModelCoverage::family(static_cast<uint32_t>(i - points.size())) + "\n";
  if (auto s = writeFile(out / "uncovered.tsv", unc); !s) return s;
  return writeFile(out / "summary.json", json::parse(summaryJson(r, meta)).dump(2) + "\n");
}

Result<std::vector<Program>> readCorpus(const fs::path& dir) {
  fs::path d = fs::exists(dir / "corpus") ? dir / "corpus" : dir;
  std::error_code ec;
  if (!fs::is_directory(d, ec)) return makeError(ErrorCode::NotFound, "--corpus-from: " + dir.string() + " is not a folder");
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(d, ec))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<Program> out;
  for (const auto& f : files) {
    auto text = readFile(f);
    if (!text) return text.error();
    auto p = programFromText(*text);
    if (!p) return makeError(ErrorCode::Parse, f.string() + ": " + p.error().message);
    out.push_back(std::move(*p));
  }
  return out;
}

}  // namespace rtlarena::fuzz
