// Flags that several commands share (--json, --no-progress, -j/--jobs, --sim) are accepted by
// every command that takes them and mean the same there. Each call stops early on a missing
// input, so exit 3 (input) shows the flags parsed while exit 2 (usage) would show they did not.
#include <gtest/gtest.h>

#include <filesystem>

#include "rtlarena/core/files.h"
#include "rtlarena/core/process.h"
#include "rtlarena/core/text.h"

#include "../support/rtlarena_cli.h"

namespace rtlarena {
namespace {

namespace fs = std::filesystem;
const fs::path kFixture = fs::path(RTLARENA_SOURCE_DIR) / "tests/fixtures/tasks/inv8";

ProcessResult cli(std::vector<std::string> args, const std::string& cwd = "/tmp") { return ::rtlarena::test_support::runRtlarena(args, {cwd}); }

std::string helpLine(const std::string& help, const std::string& flag) {
  for (const auto& line : splitLines(help))
    if (line.find(flag) != std::string::npos) return std::string(line);
  return "";
}

TEST(CliFlags, NoProgressParsesInEveryCommandThatReportsProgress) {
  auto fuzz = cli({"fuzz", "--no-progress", "--list-algos"});
  EXPECT_EQ(fuzz.exitCode, 0) << fuzz.err;
  EXPECT_NE(fuzz.out.find("ucb1"), std::string::npos) << fuzz.out;
  auto replay = cli({"fuzz", "replay", "/nonexistent/repro.json", "--no-progress"});
  EXPECT_EQ(replay.exitCode, 3) << replay.err;
  auto inject = cli({"fuzz", "inject", "--core", "nosuchcore", "--out", "/nonexistent/mutants", "--no-progress"});
  EXPECT_EQ(inject.exitCode, 3) << inject.err;
  auto run = cli({"run", "--suite", "nosuchsuite", "--no-progress"});
  EXPECT_EQ(run.exitCode, 3) << run.err;
  // The control: a flag a command does not know is a usage error before any work.
  auto unknown = cli({"fuzz", "--no-such-flag", "--list-algos"});
  EXPECT_EQ(unknown.exitCode, 2) << unknown.err;
  // --help still answers when --no-progress comes first.
  auto help = cli({"fuzz", "--no-progress", "--help"});
  EXPECT_EQ(help.exitCode, 0) << help.err;
  for (const auto& command : {std::vector<std::string>{"run"}, {"fuzz"}, {"fuzz", "replay"}, {"fuzz", "inject"}}) {
    auto args = command;
    args.push_back("--help");
    auto h = cli(args);
    EXPECT_EQ(helpLine(h.out, "--no-progress"), "  --no-progress               No progress output") << h.out;
  }
}

TEST(CliFlags, QuietStaysAHiddenAliasInFuzz) {
  auto fuzz = cli({"fuzz", "--quiet", "--list-algos"});
  EXPECT_EQ(fuzz.exitCode, 0) << fuzz.err;
  auto replay = cli({"fuzz", "replay", "/nonexistent/repro.json", "--quiet"});
  EXPECT_EQ(replay.exitCode, 3) << replay.err;
  for (const auto& command : {std::vector<std::string>{"fuzz"}, {"fuzz", "replay"}}) {
    auto args = command;
    args.push_back("--help");
    auto h = cli(args);
    ASSERT_EQ(h.exitCode, 0);
    EXPECT_EQ(h.out.find("--quiet"), std::string::npos) << h.out;
  }
}

TEST(CliFlags, JsonParsesInEveryCommandThatPrintsIt) {
  EXPECT_EQ(cli({"run", "--suite", "nosuchsuite", "--json"}).exitCode, 3);
  EXPECT_EQ(cli({"eval", "--task", "nosuchtask", "/nonexistent.sv", "--json"}).exitCode, 3);
  EXPECT_EQ(cli({"audit", "--suite", "nosuchsuite", "--json"}).exitCode, 3);
  EXPECT_EQ(cli({"fuzz", "replay", "/nonexistent/repro.json", "--json"}).exitCode, 3);
  EXPECT_EQ(cli({"fuzz", "inject", "--core", "nosuchcore", "--out", "/nonexistent/mutants", "--json"}).exitCode, 3);
  auto fuzz = cli({"fuzz", "--json", "--list-algos"});
  EXPECT_EQ(fuzz.exitCode, 0) << fuzz.err;
  auto synth = cli({"synth", (kFixture / "ref.sv").string(), "--print-script", "--json"});
  EXPECT_EQ(synth.exitCode, 0) << synth.err;
}

TEST(CliFlags, JobsIsTheSameOptionInRunAndAudit) {
  EXPECT_EQ(cli({"run", "--suite", "nosuchsuite", "-j", "2"}).exitCode, 3);
  EXPECT_EQ(cli({"run", "--suite", "nosuchsuite", "--jobs", "2"}).exitCode, 3);
  EXPECT_EQ(cli({"audit", "--suite", "nosuchsuite", "-j", "2"}).exitCode, 3);
  EXPECT_EQ(cli({"audit", "--suite", "nosuchsuite", "--jobs", "2"}).exitCode, 3);
  EXPECT_EQ(cli({"audit", "--suite", "nosuchsuite", "-j", "-1"}).exitCode, 2);
  std::string runLine = helpLine(cli({"run", "--help"}).out, "--jobs");
  EXPECT_FALSE(runLine.empty());
  EXPECT_EQ(helpLine(cli({"audit", "--help"}).out, "--jobs"), runLine);
}

TEST(CliFlags, SimTakesTheSameNamesInRunEvalAndAudit) {
  for (const char* sim : {"icarus", "verilator", "auto", "both", "verilator-stock"}) {
    EXPECT_EQ(cli({"run", "--suite", "nosuchsuite", "--sim", sim}).exitCode, 3) << sim;
    EXPECT_EQ(cli({"eval", "--task", "nosuchtask", "/nonexistent.sv", "--sim", sim}).exitCode, 3) << sim;
    EXPECT_EQ(cli({"audit", "--suite", "nosuchsuite", "--sim", sim}).exitCode, 3) << sim;
  }
  // A misspelt simulator is a usage error naming --sim, not a run of harness errors.
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"run", "--suite", "nosuchsuite", "--sim", "iverilog"},
        {"eval", "--task", "nosuchtask", "/nonexistent.sv", "--sim", "iverilog"},
        {"audit", "--suite", "nosuchsuite", "--sim", "icarus,iverilog"}}) {
    auto r = cli(args);
    EXPECT_EQ(r.exitCode, 2) << args[0];
    EXPECT_NE(r.err.find("--sim"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("iverilog"), std::string::npos) << r.err;
  }
}

TEST(CliFlags, AuditSimBothMeansIcarusAndVerilator) {
  auto dir = TempDir::create("audit-both");
  ASSERT_TRUE(dir.ok());
  const std::string errata = (dir->path() / "errata.json").string();
  auto r = cli({"audit", "--suite", kFixture.parent_path().string(), "--sim", "both", "--no-lint", "--no-control",
                "--no-sandbox", "-o", errata});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("golden ceiling icarus      1/1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("golden ceiling verilator   1/1"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("golden ceiling both"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace rtlarena
