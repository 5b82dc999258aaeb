// rtlarena: the thin tool. It only declares subcommands and flags; the work is in the libraries.
#include <cstdio>
#include <exception>

#include "commands.h"
#include "common.h"
#include "rtlarena/synth/ppa_mode.h"

namespace rtlarena::cli {

int reportError(const Error& error) {
  std::fprintf(stderr, "rtlarena: %s\n", error.message.c_str());
  switch (error.code) {
    case ErrorCode::BadArgument: return kExitUsage;
    case ErrorCode::BadTask:
    case ErrorCode::BadDataset:
    case ErrorCode::BadConfig:
    case ErrorCode::NotFound:
    case ErrorCode::Io:
    case ErrorCode::Parse: return kExitInput;
    case ErrorCode::ToolMissing:
    case ErrorCode::Sandbox:
    case ErrorCode::Spawn: return kExitEnvironment;
    default: return kExitInternal;
  }
}

Result<SandboxConfig> sandboxFromFlags(bool noSandbox) {
  SandboxConfig config;
  if (noSandbox) {
    config.mode = SandboxMode::None;
    return config;
  }
  if (auto s = probeSandbox(); !s) return s.error();
  return config;
}

}  // namespace rtlarena::cli

int main(int argc, char** argv) {
  using namespace rtlarena::cli;
  CLI::App app{"rtlarena: benchmarks, rewards, PPA and processor fuzzing for LLM hardware design"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "rtlarena 0.1.0");
  int exitCode = kExitOk;
  // Modes from libraries above the harness join its registry here, where both are linked.
  rtlarena::synth::registerPpaMode();
  addRunCommand(app, exitCode);
  addEvalCommand(app, exitCode);
  addListCommand(app, exitCode);
  addExportCommand(app, exitCode);
  addAuditCommand(app, exitCode);
  addSynthCommand(app, exitCode);
  addFuzzCommand(app, exitCode);
  addEquivCommand(app, exitCode);
  addMutateCommand(app, exitCode);
  addCheckCommand(app, exitCode);
  addServeCommand(app, exitCode);
  addPairsCommand(app, exitCode);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "rtlarena: internal error: %s\n", e.what());
    return kExitInternal;
  }
  return exitCode;
}
