// Icarus Verilog backend: `iverilog -g2012 -u` then `vvp -n`, both in the sandbox, with the task's
// deadlines, memory and output limits.
#include <filesystem>

#include "rtlarena/core/files.h"
#include "rtlarena/eval/simulator.h"

namespace rtlarena {
namespace {

class IcarusSimulator final : public Simulator {
 public:
  std::string name() const override { return "icarus"; }

  Result<SimOutcome> simulate(const SimJob& job) override {
    namespace fs = std::filesystem;
    SimOutcome outcome;
    outcome.simulator = name();
    std::vector<std::string> files;
    for (const auto& f : job.sources) {
      if (auto s = writeFile(fs::path(job.jobDir) / f.name, f.text); !s) return s.error();
      files.push_back(f.name);
    }
    for (const auto& f : job.supportFiles)
      if (auto s = writeFile(fs::path(job.jobDir) / f.name, f.text); !s) return s.error();

    ProcessSpec compile;
    // -u: each file is a compilation unit of its own, so no directive, macro or open
    // conditional of the candidate's reaches the files compiled after it (isolation.h).
    compile.argv = {"iverilog", "-g2012", "-u", "-Wall", "-Winfloop", "-Wno-timescale", "-s", job.top,
                    "-o", "sim.vvp"};
    compile.argv.insert(compile.argv.end(), job.extraCompileFlags.begin(), job.extraCompileFlags.end());
    compile.argv.insert(compile.argv.end(), files.begin(), files.end());
    compile.workDir = job.jobDir;
    compile.env = defaultToolEnv(job.jobDir);
    compile.deadline = std::chrono::milliseconds(static_cast<long>(job.limits.compileSeconds * 1000));
    compile.limits.cpuSeconds = job.limits.compileSeconds + 1;
    compile.limits.addressSpace = job.limits.memoryBytes;
    compile.limits.fileSize = job.limits.fileBytes;
    compile.killAfterOutput = 8u << 20;
    auto c = runSandboxed(compile, job.sandbox);
    if (!c) return c.error();
    outcome.compile = std::move(*c);
    std::error_code ec;
    outcome.compiled = outcome.compile.exitedOk() && fs::exists(fs::path(job.jobDir) / "sim.vvp", ec);
    if (!outcome.compiled) return outcome;

    ProcessSpec run;
    run.argv = {"vvp", "-n", "sim.vvp"};
    for (const auto& p : job.plusargs) run.argv.push_back("+" + p);
    run.workDir = job.jobDir;
    run.env = defaultToolEnv(job.jobDir);
    run.deadline = std::chrono::milliseconds(static_cast<long>(job.limits.simSeconds * 1000));
    run.limits.cpuSeconds = job.limits.simSeconds + 1;
    run.limits.addressSpace = job.limits.memoryBytes;
    run.limits.fileSize = job.limits.fileBytes;
    run.outputCap = 256 * 1024;
    run.killAfterOutput = job.limits.outputBytes;
    auto r = runSandboxed(run, job.sandbox);
    if (!r) return r.error();
    outcome.run = std::move(*r);
    return outcome;
  }
};

}  // namespace

std::unique_ptr<Simulator> makeIcarusSimulator() { return std::make_unique<IcarusSimulator>(); }

}  // namespace rtlarena
