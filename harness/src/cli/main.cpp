// rtlarena: the thin tool. It only declares subcommands and flags; the work is in the libraries.
#include <cstdio>
#include <exception>

#include "commands.h"
#include "common.h"
#include "rtlarena/formal/assertion_mode.h"
#include "rtlarena/core/json_tidy.h"
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

void printJson(const std::string& jsonText) {
  auto j = nlohmann::json::parse(jsonText, nullptr, false);
  std::printf("%s\n", j.is_discarded() ? jsonText.c_str() : tidyJson(std::move(j)).dump().c_str());
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

void hideEmptyDefaults(CLI::App& app) {
  // A list option with nothing in it has no default worth showing ("=[]").
  for (CLI::Option* opt : app.get_options())
    if (opt->get_default_str() == "[]") opt->default_str("");
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) hideEmptyDefaults(*sub);
}

}  // namespace rtlarena::cli

int main(int argc, char** argv) {
  using namespace rtlarena::cli;
  CLI::App app{"rtlarena: benchmarks, rewards, PPA and processor fuzzing for LLM hardware design"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "rtlarena 0.1.0");
  int exitCode = kExitOk;
  // Every option shows its default in --help (subcommands copy these option defaults).
  app.option_defaults()->always_capture_default();
  // A usage error is one line, like every other error.
  app.failure_message([](const CLI::App*, const CLI::Error& e) {
    return "rtlarena: " + std::string(e.what()) + " (see --help)\n";
  });
  // Modes from libraries above the harness join its registry here, where both are linked.
  rtlarena::synth::registerPpaMode();
  rtlarena::formal::registerAssertionMode();
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
  addMergeCommand(app, exitCode);
  addSlurmCommand(app, exitCode);
  addReportCommand(app, exitCode);
  addServeCommand(app, exitCode);
  addPairsCommand(app, exitCode);
  hideEmptyDefaults(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ValidationError& e) {
    // A file named on the command line that does not exist is a missing input (3), the same
    // code as when a command finds it missing itself; other failed checks are usage errors.
    const std::string what = e.what();
    if (what.find("does not exist") != std::string::npos) {
      std::fprintf(stderr, "rtlarena: %s\n", what.c_str());
      return kExitInput;
    }
    int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "rtlarena: internal error: %s\n", e.what());
    return kExitInternal;
  }
  return exitCode;
}
