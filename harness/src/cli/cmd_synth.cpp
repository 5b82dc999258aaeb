// `rtlarena synth FILE... --top NAME`: area, delay, slack, Fmax and power of one design through
// Yosys and OpenSTA (the flow is in synth/; this file only declares flags and prints).
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>

#include "commands.h"
#include "common.h"
#include "shared_flags.h"
#include "rtlarena/core/files.h"
#include "rtlarena/synth/activity.h"
#include "rtlarena/synth/flow.h"
#include "rtlarena/synth/ppa_run.h"
#include "rtlarena/synth/yosys.h"

namespace rtlarena::cli {

namespace fs = std::filesystem;

namespace {

struct SynthFlags {
  std::vector<std::string> files;
  std::string top;
  double clockPeriod = 10.0;
  std::string liberty = synth::kDefaultLiberty;
  double activity = 0.1;
  double duty = 0.5;
  std::string task;  ///< --task: top, clock period and testbench activity from a task folder
  std::string tb;
  std::string tbTop = "tb";
  std::string dut;
  double timeout = 120;
  std::string keepDir;
  bool json = false, noCache = false, noSandbox = false, printScript = false;
  bool clockPeriodGiven = false, defaultActivity = false;
};

// The module no other module mentions (the root of the hierarchy), for when --top is not given.
Result<std::string> guessTop(const std::vector<SourceFile>& sources) {
  static const std::regex re(R"(\bmodule\s+([A-Za-z_][A-Za-z0-9_$]*))");
  std::string all;
  for (const auto& f : sources) all += f.text + "\n";
  std::vector<std::string> names, roots;
  for (auto it = std::sregex_iterator(all.begin(), all.end(), re); it != std::sregex_iterator(); ++it)
    names.push_back((*it)[1].str());
  for (const auto& n : names) {
    const std::regex word("\\b" + std::regex_replace(n, std::regex(R"(\$)"), R"(\$$)") + "(?![A-Za-z0-9_$])");
    const auto uses = std::distance(std::sregex_iterator(all.begin(), all.end(), word), std::sregex_iterator());
    if (uses == 1) roots.push_back(n);
  }
  if (roots.size() == 1) return roots.front();
  return makeError(ErrorCode::BadArgument, names.empty() ? "no module found in the given files"
                                                         : "cannot tell which module is the top: name it with --top");
}

bool definesModule(const std::vector<SourceFile>& sources, const std::string& name) {
  const std::regex re(R"(\b(module|macromodule)\s+)" + std::regex_replace(name, std::regex(R"([$\\])"), R"(\$&)") +
                      R"((?![A-Za-z0-9_$]))");
  for (const auto& f : sources)
    if (std::regex_search(f.text, re)) return true;
  return false;
}

std::string joinedNames(const std::vector<std::string>& files) {
  std::string out;
  for (const auto& f : files) out += (out.empty() ? "" : ", ") + f;
  return out;
}

void printReport(const synth::PpaReport& r, const synth::PpaSettings& s) {
  std::printf("%s: %s%s\n", r.top.c_str(), std::string(synth::ppaStatusName(r.status)).c_str(),
              r.cls.empty() ? "" : (" (" + r.cls + ")").c_str());
  if (!r.ok()) {
    if (!r.message.empty()) std::printf("%s\n", r.message.c_str());
    if (!r.logTail.empty()) std::printf("--- log tail ---\n%s\n", r.logTail.c_str());
    return;
  }
  std::printf("  area     %12.1f um2   %d cells, %d flip-flops\n", r.areaUm2, r.cells, r.flops);
  std::printf("  delay    %12.3f ns    %s\n", r.delayNs, r.criticalPath.empty() ? "(no timed path)" : r.criticalPath.c_str());
  std::printf("  slack    %12.3f ns    at %.3g ns on %s\n", r.slackNs, r.clockPeriodNs,
              r.clockPort.empty() ? "a virtual clock (combinational)" : ("clock " + r.clockPort).c_str());
  std::printf("  fmax     %12.1f MHz\n", r.fmaxMhz);
  std::printf("  power    %12.3f uW    %s activity%s\n", r.powerUw, r.activitySource.c_str(),
              r.activitySource == "default" ? (" " + std::to_string(s.inputActivity).substr(0, 4) + "/cycle").c_str() : "");
  if (!r.activityNote.empty()) std::printf("  note     %s\n", r.activityNote.c_str());
  std::printf("  time     %12.2f s     synth %.2f, sim %.2f, sta %.2f%s\n", r.synthSeconds + r.simSeconds + r.staSeconds,
              r.synthSeconds, r.simSeconds, r.staSeconds, r.cached ? " (cached)" : "");
}

int runSynth(const SynthFlags& f) {
  std::vector<SourceFile> sources;
  for (const auto& file : f.files) {
    std::error_code ec;
    if (file != "-" && fs::is_directory(file, ec))
      return reportError(makeError(ErrorCode::Io, file + " is a folder; give Verilog files"));
    auto text = file == "-" ? readStdin() : readFile(file);
    if (!text) return reportError(text.error());
    sources.push_back({file == "-" ? "stdin.sv" : fs::path(file).filename().string(), *text});
  }
  std::optional<Task> task;
  if (!f.task.empty()) {
    auto t = findTask(f.task);
    if (!t) return reportError(t.error());
    task = std::move(*t);
  }
  std::string top = f.top.empty() && task ? task->top : f.top;
  if (!top.empty() && !definesModule(sources, top))
    return reportError(makeError(ErrorCode::NotFound, "--top " + top + ": no module of that name in " + joinedNames(f.files)));
  if (top.empty()) {
    auto guessed = guessTop(sources);
    if (!guessed) return reportError(guessed.error());
    top = *guessed;
  }
  synth::FlowOptions o;
  o.settings.clockPeriodNs = task && !f.clockPeriodGiven ? synth::taskClockPeriod(*task, {}) : f.clockPeriod;
  o.settings.liberty = f.liberty;
  o.settings.inputActivity = f.activity;
  o.settings.inputDuty = f.duty;
  o.synthDeadline = std::chrono::milliseconds(static_cast<long>(f.timeout * 1000));
  o.staDeadline = o.synthDeadline;
  o.cacheDir = f.noCache ? "" : synth::defaultCacheDir();
  if (!f.keepDir.empty()) {
    std::error_code ec;
    fs::create_directories(f.keepDir, ec);
    o.workRoot = f.keepDir;
    o.keepJobDirs = true;
  }
  if (f.printScript) {
    std::vector<std::string> names;
    for (const auto& s : sources) names.push_back(s.name);
    std::printf("%s", synth::yosysScript(names, top, f.liberty).c_str());
    return kExitOk;
  }
  synth::DesignInput d;
  d.sources = sources;
  d.top = top;
  if (task && f.tb.empty() && !f.defaultActivity) {
    // The task's own testbench drives the design (with its reference beside it, as in a run).
    std::string code;
    for (const auto& src : sources) code += src.text + "\n";
    d.activity = synth::taskActivityProbe(*task, code);
  } else if (!f.tb.empty()) {
    auto tb = readFile(f.tb);
    if (!tb) return reportError(tb.error());
    synth::ActivityProbe probe;
    probe.sources = sources;
    probe.sources.push_back({"testbench_" + fs::path(f.tb).filename().string(), *tb});
    probe.tbTop = f.tbTop;
    std::string inst = f.dut.empty() ? synth::findInstance(*tb, top) : f.dut;
    if (!inst.empty()) probe.dutPath = f.tbTop + "." + inst;
    d.activity = probe;
  }
  // A cached report needs no tools, so the sandbox is only probed on a miss.
  auto hit = synth::PpaFlow(o).cached(d);
  if (!hit) return reportError(hit.error());
  Result<synth::PpaReport> r = makeError(ErrorCode::Internal, "no report");
  if (*hit) {
    r = std::move(**hit);
  } else {
    auto sandbox = sandboxFromFlags(f.noSandbox);
    if (!sandbox) return reportError(sandbox.error());
    o.sandbox = *sandbox;
    r = synth::PpaFlow(o).run(d);
  }
  if (!r) return reportError(r.error());
  if (f.json) printJson(synth::ppaToJson(*r));
  else printReport(*r, o.settings);
  return r->ok() ? kExitOk : kExitFailed;
}

}  // namespace

void addSynthCommand(CLI::App& app, int& exitCode) {
  auto f = std::make_shared<SynthFlags>();
  CLI::App* sub = app.add_subcommand("synth", "Area, delay, slack, Fmax and power of a design (Yosys + OpenSTA)");
  sub->add_option("files", f->files, "Verilog/SystemVerilog files of the design; - reads standard input")->required();
  sub->add_option("--task", f->task, "Task id, suite/id or folder: its top, clock period and testbench (for activity)");
  sub->add_flag("--default-activity", f->defaultActivity, "With --task: use --activity/--duty, not the task's testbench");
  sub->add_option("--top", f->top, "Top module (default: the one module no other module instantiates)");
  sub->add_option("--clock-period", f->clockPeriod, "Clock period in ns (also the virtual clock of combinational designs)")
      ->capture_default_str()->check(CLI::PositiveNumber);
  sub->add_option("--liberty", f->liberty, "Standard-cell library")->capture_default_str();
  sub->add_option("--activity", f->activity, "Default toggles per clock period of every input bit")
      ->capture_default_str()->check(CLI::Range(0.0, 2.0));
  sub->add_option("--duty", f->duty, "Default fraction of time an input bit is 1")->capture_default_str()->check(CLI::Range(0.0, 1.0));
  sub->add_option("--tb", f->tb, "Testbench to measure input activity with (Icarus, VCD of the design's inputs)");
  sub->add_option("--tb-top", f->tbTop, "Top module of the testbench")->capture_default_str();
  sub->add_option("--dut", f->dut, "Instance name of the design in the testbench (default: found by module name)");
  sub->add_option("--timeout", f->timeout, "Deadline in seconds for Yosys and for OpenSTA")->capture_default_str()
      ->check(CLI::PositiveNumber);
  addJsonFlag(*sub, f->json, "Print the report as one JSON object");
  sub->add_flag("--no-cache", f->noCache, "Neither read nor write the PPA cache");
  sub->add_flag("--no-sandbox", f->noSandbox, "Run the tools without bubblewrap");
  sub->add_flag("--print-script", f->printScript, "Print the Yosys script instead of running it");
  sub->add_option("--keep", f->keepDir, "Keep the job directory (scripts, logs, netlists) under this folder");
  sub->callback([f, sub, &exitCode] {
    f->clockPeriodGiven = sub->count("--clock-period") > 0;
    exitCode = runSynth(*f);
  });
}

}  // namespace rtlarena::cli
