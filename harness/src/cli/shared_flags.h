// Flags that several commands take, declared in one place so that each means the same in
// every command: --json, --no-progress, -j/--jobs, --sim. `run` still declares --json,
// --no-progress and -j itself; tests/run/cli_flags_test.cpp holds its help lines to these.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "rtlarena/eval/differential.h"
#include "rtlarena/eval/evaluator.h"

namespace rtlarena::cli {

/// The simulator names --sim accepts: icarus, verilator, auto, both, verilator-stock.
const std::vector<std::string>& simulatorNames();

/// --json: one JSON object on stdout in place of the text. It says nothing about stderr:
/// progress stays on unless --no-progress, so `--json > file` still shows where a long job is.
CLI::Option* addJsonFlag(CLI::App& sub, bool& json, const std::string& whatItPrints);

/// --no-progress: nothing on stderr while the command works (progress bars, build logs);
/// errors and warnings still print.
CLI::Option* addNoProgressFlag(CLI::App& sub, bool& noProgress);

/// --quiet, the older name of --no-progress in `fuzz`, kept working but left out of --help.
CLI::Option* addHiddenQuietAlias(CLI::App& sub, bool& noProgress);

/// An older spelling of an option, kept working for one release but left out of --help
/// (docs/CLI.md lists them).
CLI::Option* addHiddenAlias(CLI::App& sub, const std::string& names, std::string& value);
CLI::Option* addHiddenAlias(CLI::App& sub, const std::string& names, bool& value);

/// --cache-dir DIR is the root of rtlarena's caches in every command; built DUTs live in
/// DIR/duts. Empty stays empty (the library's default root).
std::string dutCacheDir(const std::string& cacheRoot);

/// -j,--jobs N: evaluation workers; 0 (the default) is one per core.
CLI::Option* addJobsOption(CLI::App& sub, unsigned& jobs);

/// --sim NAME, one of simulatorNames(); anything else is a usage error before any work.
CLI::Option* addSimOption(CLI::App& sub, SimulatorKind& simulator);

/// --sim A,B,...: several simulators, each one of simulatorNames(); `both` stands for
/// icarus,verilator as it does for one candidate. Repeats are dropped, the order is kept.
CLI::Option* addSimListOption(CLI::App& sub, std::vector<std::string>& simulators, const std::string& description);

/// --judge sim|equiv|both and --judge-timeout SECONDS (`run`, `eval`): besides the testbench,
/// prove each candidate equivalent to the reference. The testbench always runs: it is the
/// policy and compile gate, and what the proof is compared with.
void addJudgeOptions(CLI::App& sub, std::string& judge, double& timeoutSeconds, bool differential = false);

/// --sequences N and --cycles N: the stimulus of `--judge differential` (`run`, `eval`).
void addDifferentialOptions(CLI::App& sub, DifferentialSettings& settings);

}  // namespace rtlarena::cli
