// Verilator backend: verilate (--cc --exe --main --timing) → one C++ compile of the model's own
// code against the prebuilt runtime's precompiled header → link with the prebuilt runtime
// objects → run. Every step touches model-written code, so every step is sandboxed, with the
// runtime cache bound read-only. With reuseRuntime off it is the stock `verilator --binary`
// flow, kept for comparison (bench_sim.sh) and as a fallback.
#include <algorithm>
#include <filesystem>

#include "rtlarena/core/files.h"
#include "rtlarena/core/tools.h"
#include "rtlarena/eval/verilator.h"

namespace rtlarena {

namespace fs = std::filesystem;

namespace {

// The steps of a build appear to classification as one compile step.
void appendStep(ProcessResult& into, const ProcessResult& step) {
  into.out += step.out;
  into.err += step.err;
  into.exitCode = step.exitCode;
  into.signal = step.signal;
  into.timedOut = step.timedOut;
  into.outputLimitHit = step.outputLimitHit;
  into.truncated |= step.truncated;
  into.outputBytes += step.outputBytes;
  into.wallSeconds += step.wallSeconds;
  into.cpuSeconds += step.cpuSeconds;
}

ProcessSpec toolSpec(const SimJob& job, std::vector<std::string> argv, double seconds) {
  ProcessSpec spec;
  spec.argv = std::move(argv);
  spec.workDir = job.jobDir;
  spec.env = defaultToolEnv(job.jobDir);
  spec.deadline = std::chrono::milliseconds(static_cast<long>(seconds * 1000));
  spec.limits.cpuSeconds = seconds + 1;
  spec.limits.addressSpace = std::max<std::uint64_t>(job.limits.memoryBytes, 4ull << 30);
  spec.limits.fileSize = std::max<std::uint64_t>(job.limits.fileBytes, 256ull << 20);
  spec.killAfterOutput = 8u << 20;
  return spec;
}

std::vector<std::string> verilatorArgs(const SimJob& job, std::vector<std::string> files) {
  // Verilator reads every file as one compilation unit: the candidate (the first source) goes
  // last, so none of its directives, macros or open conditionals reach the bench (isolation.h).
  if (files.size() > 1) std::rotate(files.begin(), files.begin() + 1, files.end());
  // Warnings never stop a build (Icarus does not stop on them either); a testbench with a
  // `timescale next to a candidate without one is normal in VerilogEval.
  std::vector<std::string> a = {"verilator", "--timing", "--prefix", "Vsim", "--Mdir", "obj",
                                "--top-module", job.top, "-Wno-fatal", "-Wno-lint", "-Wno-style",
                                "-Wno-TIMESCALEMOD", "--timescale", "1ps/1ps"};
  a.insert(a.end(), job.extraCompileFlags.begin(), job.extraCompileFlags.end());
  a.insert(a.end(), files.begin(), files.end());
  return a;
}

class VerilatorSimulator final : public Simulator {
 public:
  explicit VerilatorSimulator(VerilatorOptions options) : options_(options) {}
  std::string name() const override { return "verilator"; }

  Result<SimOutcome> simulate(const SimJob& job) override {
    SimOutcome outcome;
    outcome.simulator = name();
    std::vector<std::string> files;
    for (const auto& f : job.sources) {
      if (auto s = writeFile(fs::path(job.jobDir) / f.name, f.text); !s) return s.error();
      files.push_back(f.name);
    }
    for (const auto& f : job.supportFiles)
      if (auto s = writeFile(fs::path(job.jobDir) / f.name, f.text); !s) return s.error();
    auto built = options_.reuseRuntime ? buildWithRuntime(job, files, outcome) : buildStock(job, files, outcome);
    if (!built) return built.error();
    if (!outcome.compiled) return outcome;

    std::vector<std::string> argv = {"./obj/sim"};
    for (const auto& p : job.plusargs) argv.push_back("+" + p);
    ProcessSpec run = toolSpec(job, argv, job.limits.simSeconds);
    run.limits.addressSpace = job.limits.memoryBytes;
    run.limits.fileSize = job.limits.fileBytes;
    run.outputCap = 256 * 1024;
    run.killAfterOutput = job.limits.outputBytes;
    auto r = runSandboxed(run, job.sandbox);
    if (!r) return r.error();
    outcome.run = std::move(*r);
    return outcome;
  }

 private:
  Status buildWithRuntime(const SimJob& job, const std::vector<std::string>& files, SimOutcome& outcome) {
    auto rt = verilatorRuntime();
    if (!rt) return rt.error();
    SandboxConfig sandbox = job.sandbox;
    sandbox.readOnlyBinds.push_back(rt->dir);
    double budget = job.limits.compileSeconds;

    auto args = verilatorArgs(job, files);
    args.insert(args.begin() + 1, {"--cc", "--exe", "--main"});
    ProcessSpec verilate = toolSpec(job, args, budget);
    if (const VerilatorBinary& direct = verilatorBinary(); !direct.bin.empty()) {
      verilate.argv.front() = direct.bin;  // skip the Perl wrapper's start-up
      verilate.env["VERILATOR_ROOT"] = direct.root;
    }
    auto v = runSandboxed(verilate, sandbox);
    if (!v) return v.error();
    appendStep(outcome.compile, *v);
    if (!v->exitedOk()) return Ok{};

    // One translation unit for the whole model: the runtime header is parsed once (from the
    // precompiled header) instead of once per generated file.
    const fs::path obj = fs::path(job.jobDir) / "obj";
    std::vector<std::string> generated;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(obj, ec))
      if (e.path().extension() == ".cpp") generated.push_back(e.path().filename().string());
    std::sort(generated.begin(), generated.end());
    std::string unity;
    for (const auto& g : generated) unity += "#include \"" + g + "\"\n";
    if (auto s = writeFile(obj / "rtlarena_model.cpp", unity); !s) return s.error();

    std::vector<std::string> cxx = {"g++"};
    cxx.insert(cxx.end(), rt->cxxFlags.begin(), rt->cxxFlags.end());
    cxx.insert(cxx.end(), {"-Iobj", "-include", rt->pchHeader, "-c", "-o", "obj/model.o", "obj/rtlarena_model.cpp"});
    budget = std::max(5.0, budget - v->wallSeconds);
    auto c = runSandboxed(toolSpec(job, cxx, std::max(budget, 60.0)), sandbox);
    if (!c) return c.error();
    appendStep(outcome.compile, *c);
    if (!c->exitedOk()) return Ok{};

    std::vector<std::string> link = {"g++", "-o", "obj/sim", "obj/model.o"};
    link.insert(link.end(), rt->objects.begin(), rt->objects.end());
    link.insert(link.end(), {"-pthread", "-latomic"});
    auto l = runSandboxed(toolSpec(job, link, 60), sandbox);
    if (!l) return l.error();
    appendStep(outcome.compile, *l);
    outcome.compiled = l->exitedOk() && fs::exists(obj / "sim", ec);
    return Ok{};
  }

  Status buildStock(const SimJob& job, const std::vector<std::string>& files, SimOutcome& outcome) {
    auto args = verilatorArgs(job, files);
    args.insert(args.begin() + 1, {"--binary", "-j", "1", "-o", "sim"});
    auto v = runSandboxed(toolSpec(job, args, std::max(job.limits.compileSeconds, 300.0)), job.sandbox);
    if (!v) return v.error();
    appendStep(outcome.compile, *v);
    std::error_code ec;
    outcome.compiled = v->exitedOk() && fs::exists(fs::path(job.jobDir) / "obj" / "sim", ec);
    return Ok{};
  }

  VerilatorOptions options_;
};

}  // namespace

std::unique_ptr<Simulator> makeVerilatorSimulator(VerilatorOptions options) {
  return std::make_unique<VerilatorSimulator>(options);
}

}  // namespace rtlarena
