// The flow's stages in order (see flow.h for why), each tool run sandboxed in a private job
// directory with a deadline and a memory limit.
#include "rtlarena/synth/flow.h"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/core/hash.h"
#include "rtlarena/core/process.h"
#include "rtlarena/core/text.h"
#include "rtlarena/core/tools.h"
#include "rtlarena/eval/classify.h"
#include "rtlarena/synth/lint.h"
#include "rtlarena/synth/netlist.h"
#include "rtlarena/synth/sta.h"
#include "rtlarena/synth/yosys.h"

namespace rtlarena::synth {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// Identifies the installed tool without starting it: its resolved path, size and modification
// time. A package upgrade replaces the binary, so the cache key changes with the version.
std::string toolFingerprint(const std::string& program) {
  auto path = findTool(program);
  if (!path) return program + " missing";
  std::error_code ec;
  const fs::path real = fs::canonical(*path, ec);
  if (ec) return *path;
  const auto size = fs::file_size(real, ec);
  const auto time = fs::last_write_time(real, ec).time_since_epoch().count();
  return real.string() + ":" + std::to_string(size) + ":" + std::to_string(time);
}

Result<std::string> libertyHash(const std::string& path) {
  static std::mutex mutex;
  static std::map<std::string, std::string> known;
  std::lock_guard lock(mutex);
  if (auto it = known.find(path); it != known.end()) return it->second;
  auto text = readFile(path);
  if (!text)
    return makeError(ErrorCode::ToolMissing, "liberty file " + path + " cannot be read" +
                                                 (path == kDefaultLiberty ? " (install the Debian package 'qflow-tech-osu018')" : ""));
  return known[path] = sha256Hex(*text);
}

PpaReport verdict(PpaStatus status, std::string cls, std::string message, std::string logTail = "") {
  PpaReport r;
  r.status = status;
  r.cls = std::move(cls);
  r.message = std::move(message);
  r.logTail = std::move(logTail);
  return r;
}

std::string joined(const std::vector<std::string>& v, std::size_t max = 4) {
  std::string s;
  for (std::size_t i = 0; i < v.size() && i < max; ++i) s += (i ? ", " : "") + v[i];
  if (v.size() > max) s += ", ...";
  return s;
}

ProcessSpec toolSpec(std::vector<std::string> argv, const std::string& jobDir,
                     std::chrono::milliseconds deadline, std::uint64_t memory) {
  ProcessSpec spec;
  spec.argv = std::move(argv);
  spec.workDir = jobDir;
  spec.env = defaultToolEnv(jobDir);
  spec.deadline = deadline;
  spec.limits.cpuSeconds = std::chrono::duration<double>(deadline).count() + 1;
  spec.limits.addressSpace = memory;
  spec.limits.fileSize = 512ull << 20;
  spec.killAfterOutput = 32u << 20;
  return spec;
}

// A tool that did not finish normally: timeout, signal (out of memory), non-zero exit.
std::optional<PpaReport> abnormalEnd(const ProcessResult& p, const std::string& tool,
                                     const std::string& log, const std::string& jobDir) {
  const std::string tail = tailLines(scrubPaths(log, jobDir), 12);
  if (p.timedOut)
    return verdict(PpaStatus::Timeout, tool + "_timeout",
                   tool + " ran past its deadline of " + std::to_string(static_cast<int>(p.wallSeconds)) + " s", tail);
  const bool oom = contains(log, "bad_alloc") || contains(log, "Out of memory") || contains(log, "out of memory");
  if (p.signal != 0 || oom)
    return verdict(PpaStatus::ToolCrash, oom ? "out_of_memory" : tool + "_crash",
                   tool + (oom ? " ran out of memory" : " was killed by signal " + std::to_string(p.signal)), tail);
  if (p.outputLimitHit)
    return verdict(PpaStatus::ToolCrash, tool + "_output_limit", tool + " printed too much and was stopped", tail);
  return std::nullopt;
}

// A design Yosys accepted but that is not the hardware it claims to be.
std::optional<PpaReport> findingsVerdict(const YosysFindings& f, const std::string& evidence) {
  if (!f.latches.empty())
    return verdict(PpaStatus::Unsynthesizable, "latch",
                   "latch inferred for " + joined(f.latches) + " (a combinational block does not assign it on every path)",
                   evidence);
  if (f.combLoop) return verdict(PpaStatus::Unsynthesizable, "comb_loop", "the design has a combinational loop", evidence);
  if (!f.systemTasks.empty())
    return verdict(PpaStatus::Unsynthesizable, "system_task",
                   "simulation-only system task " + joined(f.systemTasks) + " in logic", evidence);
  if (!f.unmappedCells.empty())
    return verdict(PpaStatus::SynthError, "unmapped_cell", "cells with no library equivalent: " + joined(f.unmappedCells),
                   evidence);
  return std::nullopt;
}

struct SynthStep {
  std::optional<PpaReport> verdict;
  CellStats stats;
  NetlistInfo netlist;
};

Result<SynthStep> synthesize(const DesignInput& d, const FlowOptions& o, const std::string& jobDir,
                             const std::string& liberty) {
  std::vector<std::string> files;
  for (const auto& f : d.sources) {
    if (auto s = writeFile(fs::path(jobDir) / f.name, f.text); !s) return s.error();
    files.push_back(f.name);
  }
  if (auto s = writeFile(fs::path(jobDir) / kYosysScript, yosysScript(files, d.top, liberty)); !s) return s.error();
  ProcessSpec spec = toolSpec({o.yosysProgram, "-q", "-l", kYosysLog, "-s", kYosysScript}, jobDir,
                              o.synthDeadline, o.memoryBytes);
  auto p = runSandboxed(spec, o.sandbox);
  if (!p) return p.error();
  auto logFile = readFile(fs::path(jobDir) / kYosysLog);
  const std::string log = logFile ? *logFile : p->combined();
  SynthStep step;
  if (auto v = abnormalEnd(*p, "yosys", log + p->combined(), jobDir)) {
    step.verdict = *v;
    return step;
  }
  const std::string tail = tailLines(scrubPaths(log.empty() ? p->combined() : log, jobDir), 12);
  YosysFindings f = parseYosysLog(log + "\n" + p->err);
  if (f.error) {
    step.verdict = verdict(PpaStatus::SynthError, f.errorClass, scrubPaths(f.errorMessage, jobDir), tail);
    return step;
  }
  if (p->exitCode != 0) {
    step.verdict = verdict(PpaStatus::ToolCrash, "yosys_failed",
                           "yosys exited with status " + std::to_string(p->exitCode) + " without an error message", tail);
    return step;
  }
  step.verdict = findingsVerdict(f, f.evidence.empty() ? tail : scrubPaths(f.evidence, jobDir));
  if (step.verdict) return step;
  auto statText = readFile(fs::path(jobDir) / kStatFile);
  if (statText) step.stats = parseStat(*statText, d.top);
  auto json = readFile(fs::path(jobDir) / kGenericJson);
  auto netlist = json ? parseNetlistJson(*json, d.top) : Result<NetlistInfo>(json.error());
  if (!step.stats.found || !netlist) {
    step.verdict = verdict(PpaStatus::ToolCrash, "no_statistics", "yosys finished without statistics or netlist", tail);
    return step;
  }
  step.netlist = std::move(*netlist);
  return step;
}

// OpenSTA on the mapped netlist: fills delay, slack, Fmax and power into `r`, or turns `r`
// into a verdict.
Status timeAndPower(const FlowOptions& o, const NetlistInfo& netlist, const std::string& top,
                    const std::string& liberty, const std::vector<BitActivity>& bits, const std::string& jobDir,
                    PpaReport& r) {
  const PpaSettings& s = o.settings;
  const auto start = Clock::now();
  if (auto w = writeFile(fs::path(jobDir) / kStaScript, staScript(netlist, top, s, liberty, bits)); !w) return w.error();
  ProcessSpec spec = toolSpec({o.staProgram, "-no_init", "-no_splash", "-exit", kStaScript}, jobDir, o.staDeadline,
                              o.memoryBytes);
  auto p = runSandboxed(spec, o.sandbox);
  if (!p) return p.error();
  r.staSeconds = secondsSince(start);
  const std::string out = p->combined();
  auto fail = [&](PpaReport v) {
    v.synthSeconds = r.synthSeconds;
    v.staSeconds = r.staSeconds;
    r = std::move(v);
    return Ok{};
  };
  if (auto v = abnormalEnd(*p, "sta", out, jobDir)) return fail(*v);
  StaFigures f = parseStaOutput(out);
  if (!f.errors.empty() || !f.powerFound || p->exitCode != 0)
    return fail(verdict(PpaStatus::StaError, "sta_error",
                        f.errors.empty() ? "OpenSTA reported no power" : scrubPaths(f.errors.front(), jobDir),
                        tailLines(scrubPaths(out, jobDir), 12)));
  r.slackNs = f.timed ? f.slackNs : s.clockPeriodNs;
  // OpenSTA reports 4 decimals; keep the difference at that precision (no 0.97680000000000008).
  r.delayNs = f.timed ? std::round((s.clockPeriodNs - f.slackNs) * 1e4) / 1e4 : 0.0;
  r.fmaxMhz = r.delayNs > 0 ? std::round(1e6 / r.delayNs) / 1e3 : 0.0;
  r.powerUw = f.powerW * 1e6;
  if (f.timed) r.criticalPath = f.startpoint + " -> " + f.endpoint;
  return Ok{};
}

}  // namespace

PpaFlow::PpaFlow(FlowOptions options) : options_(std::move(options)), cache_(options_.cacheDir) {}

Result<std::string> PpaFlow::cacheKey(const DesignInput& d) const {
  const PpaSettings& s = options_.settings;
  auto lib = libertyHash(s.liberty);
  if (!lib) return lib.error();
  nlohmann::json j = {{"flow", kFlowVersion},
                      {"yosys", toolFingerprint(options_.yosysProgram)},
                      {"abc", toolFingerprint("yosys-abc")},
                      {"sta", toolFingerprint(options_.staProgram)},
                      {"liberty", *lib},
                      {"period", s.clockPeriodNs},
                      {"activity", s.inputActivity},
                      {"duty", s.inputDuty},
                      {"transition", s.inputTransitionNs},
                      {"load", s.outputLoadPf},
                      {"top", d.top}};
  for (const auto& f : d.sources) j["sources"].push_back({f.name, sha256Hex(f.text)});
  if (d.activity) {
    for (const auto& f : d.activity->sources) j["sim"].push_back({f.name, sha256Hex(f.text)});
    for (const auto& f : d.activity->supportFiles) j["sim_data"].push_back({f.name, sha256Hex(f.text)});
    j["sim_top"] = d.activity->tbTop;
    j["dut"] = d.activity->dutPath;
  }
  return sha256Hex(j.dump());
}

Result<std::optional<PpaReport>> PpaFlow::cached(const DesignInput& d) const {
  for (const std::string& tool : {options_.yosysProgram, options_.staProgram})
    if (auto found = findTool(tool); !found) return found.error();
  auto key = cacheKey(d);
  if (!key) return key.error();
  if (auto hit = cache_.get(*key)) {
    if (auto r = ppaFromJson(*hit)) {
      r->cached = true;
      return std::optional<PpaReport>(std::move(*r));
    }
  }
  return std::optional<PpaReport>();
}

Result<PpaReport> PpaFlow::run(const DesignInput& d) const {
  auto hit = cached(d);
  if (!hit) return hit.error();
  if (*hit) return std::move(**hit);
  auto key = cacheKey(d);
  if (!key) return key.error();
  auto r = runUncached(d);
  if (!r) return r.error();
  r->top = d.top;
  // Timeouts and crashes depend on the machine's load: never remembered.
  if (r->status != PpaStatus::Timeout && r->status != PpaStatus::ToolCrash) cache_.put(*key, ppaToJson(*r));
  return r;
}

Result<PpaReport> PpaFlow::runUncached(const DesignInput& d) const {
  const PpaSettings& s = options_.settings;
  std::string code;
  for (const auto& f : d.sources) code += f.text + "\n";
  if (auto findings = findUnsynthesizable(code); !findings.empty()) {
    std::vector<std::string> what;
    for (const auto& f : findings) what.push_back(f.construct + " (line " + std::to_string(f.line) + ")");
    return verdict(PpaStatus::Unsynthesizable, findings.front().cls, "not synthesizable: " + joined(what));
  }
  auto dir = TempDir::create("ppa", options_.workRoot);
  if (!dir) return dir.error();
  if (options_.keepJobDirs) dir->keep();
  const std::string jobDir = dir->path().string();

  std::string liberty = s.liberty;
  if (options_.sandbox.mode == SandboxMode::Bubblewrap && !startsWith(liberty, "/usr/")) {
    // Only /usr is visible in the sandbox: bring the library into the job directory.
    auto text = readFile(liberty);
    if (!text) return makeError(ErrorCode::ToolMissing, "liberty file " + liberty + " cannot be read");
    if (auto w = writeFile(fs::path(jobDir) / "cells.lib", *text); !w) return w.error();
    liberty = "cells.lib";
  }

  const auto synthStart = Clock::now();
  auto step = synthesize(d, options_, jobDir, liberty);
  if (!step) return step.error();
  const double synthSeconds = secondsSince(synthStart);
  if (step->verdict) {
    step->verdict->synthSeconds = synthSeconds;
    return *step->verdict;
  }

  PpaReport r;
  r.status = PpaStatus::Ok;
  r.areaUm2 = step->stats.areaUm2;
  r.cells = step->stats.cells;
  r.cellTypes = step->stats.cellTypes;
  r.flops = step->netlist.flops;
  r.clockPeriodNs = s.clockPeriodNs;
  r.clockPort = step->netlist.clockPorts.empty() ? "" : step->netlist.clockPorts.front();
  r.synthSeconds = synthSeconds;

  std::vector<BitActivity> bits;
  if (d.activity) {
    auto act = measureActivity(*d.activity, step->netlist, (fs::path(jobDir) / "sim").string(), options_.sandbox);
    if (!act) return act.error();
    r.simSeconds = act->seconds;
    if (act->measured) {
      bits = act->bits;
      r.activitySource = "simulation";
    } else {
      r.activityNote = act->note;
    }
  }

  if (auto t = timeAndPower(options_, step->netlist, d.top, liberty, bits, jobDir, r); !t) return t.error();
  return r;
}

}  // namespace rtlarena::synth
