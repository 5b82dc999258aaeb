// Injection, in order: (1) Yosys elaborates the core module (flattened, so submodules are
// mutated too), lists N mutations with a shared select signal and applies them all, writing
// one netlist; (2) a shell with the core's original name and ports instantiates the netlist
// and drives the select from +rtlarena_mutsel, so the unchanged wrapper picks it up; (3) one
// Verilator build serves every mutant; (4) select 0 must pass the directed run (else the
// netlist itself is wrong and nothing can be judged), then each select value is run and
// kept when some retirement diverges; (5) the formal check proposes a program per mutation
// (visibility_formal.cpp), and a proposal counts once the harness replays it: the mutant
// diverges from the ISA model and the original does not.
#include "rtlarena/fuzz/inject.h"

#include <nlohmann/json.hpp>
#include <regex>

#include "rtlarena/core/files.h"
#include "rtlarena/core/process.h"
#include "rtlarena/core/text.h"
#include "rtlarena/core/tools.h"
#include "rtlarena/fuzz/assembler.h"
#include "rtlarena/fuzz/core_parameters.h"
#include "rtlarena/fuzz/generator.h"
#include "rtlarena/fuzz/mutant_baseline.h"
#include "rtlarena/fuzz/mutant_shell.h"
#include "rtlarena/fuzz/session.h"
#include "rtlarena/fuzz/visibility_formal.h"

namespace rtlarena::fuzz {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string detectCoreModule(const CoreConfig& core, const fs::path& wrapperFile) {
  auto wtext = readFile(wrapperFile);
  if (!wtext) return {};
  std::regex modRe(R"(\bmodule\s+([A-Za-z_][A-Za-z0-9_$]*))");
  for (const auto& s : core.sources) {
    if (s == wrapperFile) continue;
    auto text = readFile(s);
    if (!text) continue;
    for (auto it = std::sregex_iterator(text->begin(), text->end(), modRe); it != std::sregex_iterator(); ++it) {
      std::string name = (*it)[1];
      std::regex inst("\\b" + name + R"(\s*(#\s*\([^;]*?\))?\s+[A-Za-z_][A-Za-z0-9_]*\s*\()");
      if (std::regex_search(*wtext, inst)) return name;
    }
  }
  return {};
}

// The shell: the original module name and ports, the mutated netlist inside, the select
// from +rtlarena_mutsel.
Result<std::string> shellSource(const std::string& module, const fs::path& portsJson, const InstanceParameters& params) {
  return mutantShell(portsJson, {module, params,
                                 "  reg [15:0] rtlarena_mutsel /*verilator public*/;\n"
                                 "  initial begin\n"
                                 "    if (!$value$plusargs(\"rtlarena_mutsel=%d\", rtlarena_mutsel)) rtlarena_mutsel = 16'd0;\n"
                                 "  end\n",
                                 "rtlarena_mutsel"});
}

std::string field(const std::string& cmd, const std::string& flag) {
  auto at = cmd.find(" " + flag + " ");
  if (at == std::string::npos) return {};
  at += flag.size() + 2;
  auto end = cmd.find(' ', at);
  return cmd.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

std::vector<std::pair<std::string, std::vector<uint32_t>>> selfCheckPrograms() {
  std::vector<std::pair<std::string, std::vector<uint32_t>>> out;
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(projectRoot()) / "designs" / "riscv" / "programs", ec))
    if (e.path().extension() == ".S") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    auto text = readFile(f);
    if (!text) continue;
    AssembleResult a = assemble(*text);
    if (a.ok()) out.push_back({f.stem().string(), a.words});
  }
  return out;
}

using Programs = std::vector<std::pair<std::string, std::vector<uint32_t>>>;

// The directed set: the self-check programs, then the random tests.
struct DirectedRun {
  std::string where, signature;  ///< the first program with a divergence of the mutant's own
  std::vector<Outcome> outcomes;  ///< every program's outcome (without a baseline only)
};

std::string directedName(const Programs& programs, size_t k) {
  return k < programs.size() ? "selfcheck:" + programs[k].first : "random:" + std::to_string(k - programs.size());
}

// Without `baseline` (the original), runs every program and keeps each outcome; with it (a
// mutant), stops at the first program where the mutant diverges and the original does not
// diverge the same way.
DirectedRun directedRun(Dut& dut, const CoreConfig& core, const Layout& layout, const Programs& programs,
                        const std::vector<Program>& tests, const std::vector<Outcome>* baseline) {
  RunnerOptions so;
  so.selfCheckExit = true;
  so.maxRetire = 200000;
  so.maxCycles = 2000000;
  so.rtlCoverage = false;
  so.modelCoverage = false;
  Runner selfCheck(dut, core, layout, so);
  RunnerOptions ro;
  ro.rtlCoverage = false;
  ro.modelCoverage = false;
  Runner random(dut, core, layout, ro);
  DirectedRun out;
  for (size_t k = 0; k < programs.size() + tests.size(); ++k) {
    const Outcome o = k < programs.size() ? selfCheck.runImage(programs[k].second).divergence
                                          : random.run(tests[k - programs.size()]).divergence;
    if (!baseline) {
      out.outcomes.push_back(o);
      continue;
    }
    if (mutantOwnDivergence(o, baseline->at(k))) {
      out.where = directedName(programs, k);
      out.signature = o->signature();
      return out;
    }
  }
  return out;
}

// A formal witness counts only when the harness agrees: the mutant diverges from the ISA
// model on the program and the original does not diverge the same way. Returns (counts, what
// the replay showed).
std::pair<bool, std::string> replayWitness(Session& s, unsigned id, const std::vector<uint32_t>& image) {
  RunnerOptions ro;
  ro.selfCheckExit = true;  // ecall/ebreak trap to the program's handler, as in the miter
  ro.maxRetire = 1000;
  ro.maxCycles = 100000;
  ro.rtlCoverage = false;
  ro.modelCoverage = false;
  s.dut->recreate({mutantPlusarg(id)});
  const Outcome original = OriginalCore(*s.dut, s.core, s.layout, ro, {mutantPlusarg(id)}).runImage(image);
  TestResult mutant = Runner(*s.dut, s.core, s.layout, ro).runImage(image);
  if (mutantOwnDivergence(mutant.divergence, original)) return {true, mutant.divergence->signature()};
  if (mutant.divergence)
    return {false, "the original diverges the same way (" + original->signature() + "): the core's own deviation, not the mutation"};
  return {false, "no divergence from the model on replay (ended: " + std::string(endReasonName(mutant.end)) + ")"};
}

// Runs the formal check over every mutation and replays each witness; fills the formal
// fields and marks newly visible mutants.
void addFormalVisibility(InjectResult& res, Session& s, const CoreConfig& core, const fs::path& wrapperFile,
                         const std::string& module, const InstanceParameters& params,
                         const std::map<std::string, std::string>& defines,
                         const std::vector<fs::path>& coreSources, const fs::path& out, const InjectOptions& o) {
  for (auto& b : res.all) b.formal = "off";
  if (o.formalDepth == 0) {
    res.formalNote = "off (--formal-depth 0)";
    return;
  }
  FormalVisibilityInput in;
  in.wrapperFile = wrapperFile;
  in.wrapperModule = core.wrapper;
  in.coreModule = module;
  in.parameters = params;
  in.coreSources = coreSources;
  in.defines = defines;
  in.includeDirs = core.includeDirs;
  in.mutationsScript = out / "yosys" / "mutations.ys";
  in.portsJson = out / "yosys" / "ports.json";
  in.mutations = static_cast<unsigned>(res.all.size());
  in.resetCycles = core.resetCycles;
  in.maskMinstret = core.isa.minstretUnpredictable;
  FormalVisibilityOptions fo;
  fo.depth = o.formalDepth;
  fo.memoryWords = o.formalWords;
  fo.perMutant = o.formalTimeout;
  fo.arithmeticStandIns = o.formalStandIns;
  fo.log = o.log;
  auto fv = checkVisibilityFormally(in, out / "formal", fo);
  if (!fv) {
    res.formalNote = fv.error().describe();
    for (auto& b : res.all) b.formal = "unsupported";
    if (o.log) o.log("formal visibility not checked: " + res.formalNote);
    return;
  }
  for (const auto& r : fv->mutants) {
    InjectedBug& b = res.all.at(r.id - 1);
    b.formal = std::string(formalVerdictName(r.verdict));
    b.formalCycle = r.frame;
    b.formalStandIns = r.standIns;
    if (r.verdict != FormalVerdict::Differs) continue;
    b.formalProgram = "formal/mutant-" + std::to_string(r.id) + ".hex";
    (void)writeFile(out / b.formalProgram, readmemhText(r.image));
    std::tie(b.formalConfirmed, b.formalReplay) = replayWitness(s, r.id, r.image);
    if (o.log) o.log("mutant " + std::to_string(b.id) + ": formal program " + (b.formalConfirmed ? "confirmed: " : "not confirmed: ") + b.formalReplay);
  }
  res.formalNote = "depth " + std::to_string(o.formalDepth) + " cycles, " + std::to_string(o.formalWords) +
                   " words; miter " + std::to_string(fv->andGates) + " AND gates, " + std::to_string(fv->latches) +
                   " latches, built in " + std::to_string(static_cast<int>(fv->buildSeconds)) +
                   " s; the unmutated copies agree for " + std::to_string(fv->identityCycles) + " cycles" +
                   "; arithmetic stand-ins: " + fv->standInNote +
                   (fv->standInRetried ? " (miter " + std::to_string(fv->standInAndGates) + " AND gates, built in " +
                                             std::to_string(static_cast<int>(fv->standInBuildSeconds)) + " s)"
                                       : std::string());
}

// Select 0 diverged from the ISA model somewhere. Either the core itself deviates there (then
// every mutant is judged against the original's outcomes, not against the model alone) or the
// Yosys round trip changed behaviour (nothing can be judged); running the same directed set on
// the core's own sources tells which: they must show the very same outcomes.
Status checkRoundTrip(const CoreConfig& core, const InjectOptions& o, const Programs& programs,
                      const std::vector<Program>& tests, const std::vector<Outcome>& netlist) {
  SessionSpec spec;
  spec.coreConfig = core.file;
  spec.cacheDir = o.cacheDir;
  spec.coverage = CoverageKinds{true, false};  // as the injection's own build, so the cache serves it
  spec.log = o.log;
  auto original = openSession(spec);
  if (!original) return original.error();
  const auto own = directedRun(*(*original)->dut, (*original)->core, (*original)->layout, programs, tests, nullptr).outcomes;
  for (size_t k = 0; k < netlist.size(); ++k) {
    if (sameOutcome(netlist[k], own[k])) continue;
    const auto show = [](const Outcome& x) { return x ? x->signature() + " at retirement " + std::to_string(x->index) : std::string("no divergence"); };
    return makeError(ErrorCode::Internal, "the unmutated netlist of " + core.name + " and its own sources differ on " +
                                              directedName(programs, k) + " (" + show(netlist[k]) + " against " + show(own[k]) +
                                              "): the Yosys round trip changed behaviour; nothing can be judged");
  }
  return Ok{};
}

}  // namespace

std::string mutantPlusarg(unsigned id) { return "+rtlarena_mutsel=" + std::to_string(id); }

Result<InjectResult> injectBugs(const InjectOptions& o) {
  auto core = loadCoreConfig(o.coreConfig);
  if (!core) return core.error();
  auto yosys = findTool("yosys");
  if (!yosys) return yosys.error();
  if (o.count == 0 || o.count > 60000) return makeError(ErrorCode::BadArgument, "inject: -n must be 1..60000");
  InjectResult res;
  res.core = core->name;

  fs::path wrapperFile;
  std::regex wrapRe("\\bmodule\\s+" + core->wrapper + "\\b");
  for (const auto& s : core->sources)
    if (auto t = readFile(s); t && std::regex_search(*t, wrapRe)) wrapperFile = s;
  if (wrapperFile.empty())
    return makeError(ErrorCode::BadConfig, core->file.string() + ": no source declares module " + core->wrapper);
  const std::string module = o.module.empty() ? detectCoreModule(*core, wrapperFile) : o.module;
  if (module.empty())
    return makeError(ErrorCode::BadConfig, core->file.string() + ": cannot tell which module the wrapper instantiates; pass the module name");

  std::error_code ec;
  const fs::path out = fs::absolute(o.outDir);
  const fs::path work = out / "yosys";
  fs::create_directories(work, ec);
  auto wrapperText = readFile(wrapperFile);
  if (!wrapperText) return wrapperText.error();
  const InstanceParameters params = instanceParameters(*wrapperText, module);
  std::vector<fs::path> coreSources;
  for (const auto& src : core->sources)
    if (src != wrapperFile) coreSources.push_back(src);
  // core.json's defines, then those the wrapper makes before the core is read
  std::map<std::string, std::string> defines = core->defines;
  for (const auto& [name, value] : wrapperDefines(*wrapperText)) defines.emplace(name, value);
  std::string script = elaborateCoreScript(coreSources, defines, core->includeDirs, module, params);
  script += "write_json ports.json\n";
  script += "mutate -list " + std::to_string(o.count) + " -seed " + std::to_string(o.seed) +
            " -ctrl mutsel 16 1 -o mutations.ys\n";
  script += "script mutations.ys\nopt_clean\n";
  script += "write_verilog -noattr " + (out / "mutated.v").string() + "\n";
  if (auto s = writeFile(work / "inject.ys", script); !s) return s.error();
  if (o.log) o.log("yosys: elaborating " + module + " and applying " + std::to_string(o.count) + " mutations");
  ProcessSpec ps;
  ps.argv = {*yosys, "-q", "-l", "yosys.log", "inject.ys"};
  ps.workDir = work.string();
  ps.env = defaultToolEnv(work.string());
  ps.deadline = std::chrono::minutes(20);
  auto yr = runProcess(ps);
  if (!yr) return yr.error();
  if (!yr->exitedOk())
    return makeError(ErrorCode::Internal, "yosys failed:\n" + tailLines(yr->combined(), 20));

  auto shell = shellSource(module, work / "ports.json", params);
  if (!shell) return shell.error();
  if (auto s = writeFile(out / "shell.v", *shell); !s) return s.error();
  auto muts = readFile(work / "mutations.ys");
  if (!muts) return muts.error();
  for (auto line : splitLines(*muts)) {
    std::string l(trim(line));
    if (!startsWith(l, "mutate")) continue;
    InjectedBug b;
    b.id = static_cast<unsigned>(res.all.size() + 1);
    b.command = l;
    b.mode = field(l, "-mode");
    b.src = field(l, "-src");
    res.all.push_back(b);
  }
  res.tried = res.all.size();
  res.sources = {wrapperFile, out / "shell.v", out / "mutated.v"};

  SessionSpec spec;
  spec.coreConfig = core->file;
  spec.sourcesOverride = res.sources;
  spec.plusargs = {mutantPlusarg(0)};
  spec.cacheDir = o.cacheDir;
  spec.coverage = CoverageKinds{true, false};
  spec.log = o.log;
  auto session = openSession(spec);
  if (!session) return session.error();
  Session& s = **session;

  const auto programs = selfCheckPrograms();
  Generator gen(s.layout, s.core.isa);
  Rng rng(o.seed * 7919 + 17);
  std::vector<Program> tests;
  for (unsigned i = 0; i < o.directedTests; ++i) tests.push_back(gen.generate(rng));
  const std::vector<Outcome> original = directedRun(*s.dut, s.core, s.layout, programs, tests, nullptr).outcomes;
  for (size_t k = 0; k < original.size(); ++k)
    if (original[k]) res.originalDivergences.push_back({directedName(programs, k), original[k]->signature()});
  if (!res.originalDivergences.empty()) {
    if (auto st = checkRoundTrip(*core, o, programs, tests, original); !st) return st.error();
    if (o.log)
      o.log(core->name + " itself diverges from the ISA model on " + std::to_string(res.originalDivergences.size()) +
            " directed programs (first " + res.originalDivergences[0].first + ", " + res.originalDivergences[0].second +
            "): a deviation its tolerances do not cover; mutants are judged against the original's outcomes");
  }
  for (auto& b : res.all) {
    s.dut->recreate({mutantPlusarg(b.id)});
    auto run = directedRun(*s.dut, s.core, s.layout, programs, tests, &original);
    b.directedBy = run.where;
    b.foundBy = run.where;
    b.signature = run.signature;
    if (o.log) o.log("mutant " + std::to_string(b.id) + " (" + b.mode + " " + b.src + "): " +
                     (!run.where.empty() ? "visible via " + run.where + " as " + run.signature : "not visible to the directed run"));
  }
  addFormalVisibility(res, s, *core, wrapperFile, module, params, defines, coreSources, out, o);
  for (auto& b : res.all) {
    if (b.foundBy.empty() && b.formalConfirmed) {
      b.foundBy = "formal:cycle" + std::to_string(b.formalCycle);
      b.signature = b.formalReplay;
    }
    b.visible = !b.foundBy.empty();
    res.visibleDirected += !b.directedBy.empty();
    res.visibleFormal += b.formalConfirmed;
    if (b.visible) res.kept.push_back(b);
  }
  res.visible = res.kept.size();

  json list = json::array();
  for (const auto& b : res.all)
    list.push_back({{"id", b.id}, {"mode", b.mode}, {"src", b.src}, {"visible", b.visible},
                    {"found_by", b.foundBy}, {"signature", b.signature}, {"command", b.command},
                    {"directed", b.directedBy}, {"formal", b.formal}, {"formal_cycle", b.formalCycle},
                    {"formal_confirmed", b.formalConfirmed}, {"formal_replay", b.formalReplay},
                    {"formal_stand_ins", b.formalStandIns},
                    {"formal_program", b.formalProgram}});
  json srcs = json::array();
  for (const auto& p : res.sources) srcs.push_back(p.string());
  json originalDiverges = json::array();
  for (const auto& [where, sig] : res.originalDivergences) originalDiverges.push_back({{"where", where}, {"signature", sig}});
  json j = {{"format", "rtlarena-mutants-1"}, {"core", core->name}, {"core_config", core->file.string()},
            {"module", module}, {"seed", o.seed}, {"sources", srcs}, {"tried", res.tried},
            {"visible", res.visible}, {"visible_directed", res.visibleDirected}, {"visible_formal", res.visibleFormal},
            {"formal", {{"depth", o.formalDepth}, {"memory_words", o.formalWords}, {"note", res.formalNote}}},
            {"original_diverges", originalDiverges}, {"mutants", list}};
  if (auto w = writeFile(out / "mutants.json", j.dump(2) + "\n"); !w) return w.error();
  return res;
}

std::string injectSummaryJson(const InjectResult& r) {
  json ids = json::array();
  for (const auto& b : r.kept) ids.push_back(b.id);
  return json{{"core", r.core},         {"tried", r.tried},
              {"visible", r.visible},   {"visible_directed", r.visibleDirected},
              {"visible_formal", r.visibleFormal}, {"formal", r.formalNote},
              {"original_divergences", r.originalDivergences.size()}, {"kept", ids}}.dump();
}

Result<MutantCorpus> loadMutantCorpus(const fs::path& dir) {
  auto text = readFile(dir / "mutants.json");
  if (!text) return text.error();
  try {
    json j = json::parse(*text);
    if (j.value("format", "") != "rtlarena-mutants-1")
      return makeError(ErrorCode::Parse, (dir / "mutants.json").string() + ": not an rtlarena mutant corpus");
    MutantCorpus c;
    c.dir = dir;
    c.core = j.value("core", "");
    c.coreConfig = j.at("core_config").get<std::string>();
    for (const auto& s : j.at("sources")) c.sources.push_back(s.get<std::string>());
    for (const auto& m : j.at("mutants")) {
      if (!m.value("visible", false)) continue;
      InjectedBug b;
      b.id = m.at("id").get<unsigned>();
      b.mode = m.value("mode", "");
      b.src = m.value("src", "");
      b.visible = true;
      b.foundBy = m.value("found_by", "");
      b.signature = m.value("signature", "");
      b.command = m.value("command", "");
      b.directedBy = m.value("directed", "");
      b.formal = m.value("formal", "");
      b.formalCycle = m.value("formal_cycle", 0u);
      b.formalConfirmed = m.value("formal_confirmed", false);
      c.mutants.push_back(b);
    }
    return c;
  } catch (const std::exception& e) {
    return makeError(ErrorCode::Parse, (dir / "mutants.json").string() + ": " + e.what());
  }
}

}  // namespace rtlarena::fuzz
