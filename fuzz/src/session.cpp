// openSession: config, then bug lookup (so a wrong id fails before a long build), then the
// build, the load and the runner.
#include "rtlarena/fuzz/session.h"

namespace rtlarena::fuzz {

Result<std::unique_ptr<Session>> openSession(const SessionSpec& spec) {
  auto s = std::make_unique<Session>();
  auto core = loadCoreConfig(spec.coreConfig);
  if (!core) return core.error();
  s->core = std::move(*core);
  s->defines = spec.extraDefines;
  if (!spec.bug.empty()) {
    auto bug = findBug(s->core, spec.bug);
    if (!bug) return bug.error();
    s->bug = *bug;
    s->defines[bug->define] = "";
  }
  auto layout = layoutFor(s->core);
  if (!layout) return layout.error();
  s->layout = *layout;
  DutBuildSpec b;
  b.core = s->core;
  b.extraDefines = s->defines;
  b.sourcesOverride = spec.sourcesOverride;
  b.coverage = spec.coverage;
  b.cacheDir = spec.cacheDir;
  b.log = spec.log;
  auto art = buildDut(b);
  if (!art) return art.error();
  s->artifact = std::move(*art);
  auto dut = Dut::open(s->artifact.sharedObject, spec.plusargs);
  if (!dut) return dut.error();
  s->dut = std::move(*dut);
  if (s->dut->memWords() != s->layout.memWords)
    return makeError(ErrorCode::BadConfig, s->core.file.string() + ": mem_bytes says " +
                                               std::to_string(s->layout.memWords) + " words but the wrapper's mem has " +
                                               std::to_string(s->dut->memWords()));
  RunnerOptions ro = spec.runner;
  if (!spec.coverage.any()) ro.rtlCoverage = false;
  s->runner = std::make_unique<Runner>(*s->dut, s->core, s->layout, ro);
  return s;
}

}  // namespace rtlarena::fuzz
