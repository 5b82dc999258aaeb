// The CLI's subcommands. Each registers its flags on the app and returns the function to run.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace rtlarena::cli {

/// Exit codes (documented in README.md).
enum ExitCode : int {
  kExitOk = 0,          ///< the command did what was asked
  kExitFailed = 1,      ///< eval: the candidate did not pass
  kExitUsage = 2,       ///< bad flags or arguments
  kExitInput = 3,       ///< a missing or malformed file, task or dataset
  kExitEnvironment = 4, ///< a tool or the sandbox is missing
  kExitInternal = 5,    ///< an rtlarena bug or an unexpected failure
  kExitIncomplete = 6,  ///< run: some samples have no verdict (harness_error, llm_error); retry
};

/// True while `slurm` checks a command's flags with that command's own parser: the command's
/// callback then returns at once (its flags live as long as the callback, so it stays set).
bool& onlyCheckingFlags();

/// Each adds its subcommand; when it runs, its exit code is written to `exitCode`.
void addRunCommand(CLI::App& app, int& exitCode);
void addEvalCommand(CLI::App& app, int& exitCode);
void addListCommand(CLI::App& app, int& exitCode);
void addExportCommand(CLI::App& app, int& exitCode);
void addAuditCommand(CLI::App& app, int& exitCode);
void addSynthCommand(CLI::App& app, int& exitCode);
void addFuzzCommand(CLI::App& app, int& exitCode);
void addEquivCommand(CLI::App& app, int& exitCode);
void addMutateCommand(CLI::App& app, int& exitCode);
void addCheckCommand(CLI::App& app, int& exitCode);
void addMergeCommand(CLI::App& app, int& exitCode);
void addSlurmCommand(CLI::App& app, int& exitCode);
void addReportCommand(CLI::App& app, int& exitCode);
void addServeCommand(CLI::App& app, int& exitCode);
void addPairsCommand(CLI::App& app, int& exitCode);
/// `fuzz calibrate`, under the fuzz command; returns the subcommand.
CLI::App* addFuzzCalibrateCommand(CLI::App& fuzz, int& exitCode);

}  // namespace rtlarena::cli
