// `rtlarena report RUN_DIR... [--fuzz CAMPAIGN_DIR...] -o SITE_DIR [--format html|md|csv]`:
// the leaderboard site (or its tables) from stored runs, mutation analyses kept beside them
// (`mutate --out`; RUN_DIR may be a folder holding both, like runs/) and fuzz campaigns.
#include <cstdio>
#include <filesystem>

#include "commands.h"
#include "common.h"
#include "rtlarena/report/report.h"

namespace rtlarena::cli {

void addReportCommand(CLI::App& app, int& exitCode) {
  struct Flags {
    std::vector<std::string> runs;
    std::vector<std::string> fuzz;
    std::vector<std::string> checks;
    std::vector<std::string> mutation;
    std::string out;
    std::string format = "html";
  };
  auto f = std::make_shared<Flags>();
  CLI::App* sub = app.add_subcommand("report", "Leaderboard site, Markdown or CSV tables from runs and fuzz campaigns");
  sub->add_option("runs", f->runs, "Run directories (results.sqlite), mutation analysis folders (mutate --out), or folders holding them (e.g. runs/)");
  sub->add_option("--fuzz", f->fuzz, "Fuzz campaign folder, or a folder of them (repeatable)");
  sub->add_option("--checks", f->checks, "Saved output of `rtlarena check --json` (repeatable)");
  sub->add_option("--mutation", f->mutation, "Saved output of `rtlarena mutate --json` (repeatable)");
  sub->add_option("-o,--out", f->out, "Folder to write (index.html; report.md; or *.csv)")->required();
  sub->add_option("--format", f->format, "html (default), md or csv")->capture_default_str();
  sub->callback([f, &exitCode] {
    auto format = report::reportFormatFromName(f->format);
    if (!format) {
      exitCode = reportError(makeError(ErrorCode::BadArgument, "--format '" + f->format + "': expected html, md or csv"));
      return;
    }
    if (f->runs.empty() && f->fuzz.empty() && f->checks.empty() && f->mutation.empty()) {
      exitCode = reportError(makeError(ErrorCode::BadArgument, "report: give at least one RUN_DIR (or a folder of runs) or --fuzz CAMPAIGN_DIR"));
      return;
    }
    if (auto s = report::writeReport({f->runs, f->fuzz, f->checks, f->mutation}, f->out, *format); !s) {
      exitCode = reportError(s.error());
      return;
    }
    std::printf("%s\n", (std::filesystem::path(f->out) /
                         (*format == report::ReportFormat::Html ? "index.html"
                          : *format == report::ReportFormat::Markdown ? "report.md" : ""))
                            .string()
                            .c_str());
    exitCode = kExitOk;
  });
}

}  // namespace rtlarena::cli
