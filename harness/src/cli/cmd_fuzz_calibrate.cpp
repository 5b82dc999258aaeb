// `rtlarena fuzz calibrate`: the directed ISA corner-case suite on one core against the model,
// before any fuzzing. Flags, one library call (fuzz/calibrate.h), rendering; with --out the
// proposal is written as JSON and every suspected bug as a reproducer `fuzz replay` reruns.
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "common.h"
#include "shared_flags.h"
#include "rtlarena/core/files.h"
#include "rtlarena/fuzz/calibrate.h"
#include "rtlarena/fuzz/repro.h"
#include "rtlarena/fuzz/session.h"

namespace rtlarena::cli {

namespace fs = std::filesystem;
using namespace rtlarena::fuzz;

namespace {

struct CalibrateFlags {
  std::string core, out, cacheDir;
  bool json = false, noProgress = false, apply = false;
};

// --apply: the proposed section replaces "tolerances" in core.json; the rest of the file,
// key order included, is kept.
Status applyTolerances(const fs::path& coreJson, const std::string& section) {
  auto text = readFile(coreJson);
  if (!text) return text.error();
  try {
    auto j = nlohmann::ordered_json::parse(*text);
    j["tolerances"] = nlohmann::ordered_json::parse(section);
    return writeFile(coreJson, j.dump(2) + "\n");
  } catch (const std::exception& e) {
    return makeError(ErrorCode::BadConfig, coreJson.string() + ": " + e.what());
  }
}

// Folder names from signatures: "rd@fence" -> "rd_fence".
std::string safeName(const std::string& s) {
  std::string o;
  for (char c : s) o += std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' ? c : '_';
  return o;
}

Status writeOutputs(const fs::path& file, const CalibrationResult& r, const Session& s) {
  if (auto w = writeFile(file, calibrationJson(r) + "\n"); !w) return w;
  const fs::path dir = file.parent_path() / (file.stem().string() + "-repros");
  for (size_t i = 0; i < r.suspected.size(); ++i) {
    const SuspectedBug& b = r.suspected[i];
    Reproducer rep;
    rep.core = s.core.name;
    rep.coreConfig = portablePath(s.core.file);
    rep.coverage = "line";
    rep.algo = "calibrate";
    rep.signature = b.signature;
    rep.selfCheckExit = true;
    rep.program = b.program;
    rep.divergence = b.divergence;
    char n[24];
    std::snprintf(n, sizeof n, "%02zu-", i + 1);
    std::error_code ec;
    fs::create_directories(dir / (n + safeName(b.signature)), ec);
    if (auto w = writeReproducer(dir / (n + safeName(b.signature)) / "repro.json", rep); !w) return w;
  }
  return Ok{};
}

int runCalibrate(const CalibrateFlags& f) {
  auto corePath = resolveCoreConfig(f.core);
  if (!corePath) return reportError(corePath.error());
  SessionSpec spec;
  spec.coreConfig = *corePath;
  spec.cacheDir = dutCacheDir(f.cacheDir);
  // line coverage: the build the first `rtlarena fuzz` campaign reuses from the cache
  spec.coverage = CoverageKinds{true, false};
  if (!f.noProgress) spec.log = [](const std::string& l) { std::fprintf(stderr, "rtlarena fuzz calibrate: %s\n", l.c_str()); };
  auto session = openSession(spec);
  if (!session) return reportError(session.error());
  CalibrationOptions o;
  o.log = spec.log;
  CalibrationResult r = calibrate(*(*session)->dut, (*session)->core, o);
  // --apply keeps the evidence beside the core.json it changes
  const std::string out = !f.out.empty() ? f.out : f.apply ? ((*session)->core.file.parent_path() / "calibration.json").string() : "";
  if (!out.empty())
    if (auto w = writeOutputs(out, r, **session); !w) return reportError(w.error());
  if (f.apply && !r.proposed.empty())
    if (auto w = applyTolerances((*session)->core.file, r.toleranceSectionJson); !w) return reportError(w.error());
  if (f.json) printJson(calibrationJson(r));
  else {
    std::printf("%s", calibrationText(r).c_str());
    if (!out.empty()) std::printf("written to %s\n", out.c_str());
    if (f.apply && !r.proposed.empty()) std::printf("tolerances applied to %s\n", (*session)->core.file.string().c_str());
  }
  // exit 1 while the core.json on disk does not describe the core or a difference is unexplained
  return r.clean() || (f.apply && r.suspected.empty()) ? kExitOk : kExitFailed;
}

}  // namespace

CLI::App* addFuzzCalibrateCommand(CLI::App& fuzz, int& exitCode) {
  auto f = std::make_shared<CalibrateFlags>();
  CLI::App* sub = fuzz.add_subcommand(
      "calibrate", "Run ISA corner cases on a core and the model; propose the tolerances that explain each difference");
  sub->add_option("--core", f->core, "core.json, a folder holding one, or a core name (mc, p5)")->required();
  sub->add_option("--out", f->out, "Write the proposal (JSON) here, and reproducers beside it (FILE-repros/)");
  sub->add_option("--cache-dir", f->cacheDir, "Cache root: built DUTs in DIR/duts (default $RTLARENA_CACHE, else ~/.cache/rtlarena)");
  sub->add_flag("--apply", f->apply,
                "Write the proposed tolerances into core.json (evidence in calibration.json beside it unless --out)");
  addJsonFlag(*sub, f->json, "Print {core, probes, clean, tolerances, proposed, suspected_bugs}");
  addNoProgressFlag(*sub, f->noProgress);
  sub->callback([f, &exitCode] { exitCode = runCalibrate(*f); });
  return sub;
}

}  // namespace rtlarena::cli
