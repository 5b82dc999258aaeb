// `rtlarena merge DIR... --out DIR`: the shard folders of one sharded run become one run
// folder, whose summary is printed as `run` prints it. With --mutation, the shard reports of
// `mutate --shard I/N --json` become the report of the whole analysis (written to --out FILE);
// with --fuzz, the shard folders of a fuzz sweep (`fuzz --seeds ... --shard I/N`) become one.
#include <cstdio>

#include "commands.h"
#include "common.h"
#include "rtlarena/core/files.h"
#include "rtlarena/fuzz/sweep.h"
#include "rtlarena/mutate/mutation_shards.h"
#include "rtlarena/run/merge_runs.h"

namespace rtlarena::cli {

namespace {

int mergeMutation(const std::vector<std::string>& files, const std::string& out) {
  std::vector<std::string> texts;
  for (const auto& f : files) {
    auto text = readFile(f);
    if (!text) return reportError(text.error());
    texts.push_back(std::move(*text));
  }
  auto merged = mutate::mergeShardReports(files, texts);
  if (!merged) {
    const int code = reportError(merged.error());
    return code == kExitUsage ? kExitInput : code;
  }
  if (auto s = writeFile(out, *merged + "\n"); !s) return reportError(s.error());
  std::printf("%s\n", merged->c_str());
  return kExitOk;
}

int mergeFuzz(const std::vector<std::string>& dirs, const std::string& out, bool json) {
  std::vector<std::filesystem::path> shards(dirs.begin(), dirs.end());
  auto merged = fuzz::mergeSweeps(shards, out);
  if (!merged) {
    const int code = reportError(merged.error());
    return code == kExitUsage ? kExitInput : code;  // shards that do not fit together are bad input
  }
  if (json) printJson(*merged);
  else std::printf("%s", fuzz::sweepSummaryText(*merged).c_str());
  return kExitOk;
}

}  // namespace

void addMergeCommand(CLI::App& app, int& exitCode) {
  struct Flags {
    std::vector<std::string> shards;
    std::string out;
    bool json = false;
    bool mutation = false;
    bool fuzz = false;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* sub = app.add_subcommand("merge", "Join the shard folders of a sharded run (run --shard I/N) into one run");
  sub->add_option("shards", flags->shards, "Every shard's run folder")->required();
  sub->add_option("--out", flags->out, "New run folder for the merged store")->required();
  sub->add_flag("--json", flags->json, "Print one JSON object with the summary on stdout");
  sub->add_flag("--mutation", flags->mutation, "Join `mutate --shard I/N --json` reports (files) into --out FILE");
  sub->add_flag("--fuzz", flags->fuzz, "Join the shard folders of a fuzz sweep (fuzz --seeds ... --shard I/N) into --out DIR");
  sub->callback([flags, &exitCode] {
    if (flags->mutation && flags->fuzz) {
      exitCode = reportError(makeError(ErrorCode::BadArgument, "merge: give --mutation or --fuzz, not both"));
      return;
    }
    if (flags->fuzz) {
      exitCode = mergeFuzz(flags->shards, flags->out, flags->json);
      return;
    }
    if (flags->mutation) {
      exitCode = mergeMutation(flags->shards, flags->out);
      return;
    }
    auto summary = mergeRuns(flags->shards, flags->out);
    if (!summary) {
      const int code = reportError(summary.error());
      exitCode = code == kExitUsage ? kExitInput : code;  // shards that do not fit together are bad input
      return;
    }
    std::printf("%s", flags->json ? (summaryJson(*summary) + "\n").c_str() : summaryText(*summary).c_str());
    if (summary->hasIncomplete()) {
      std::fprintf(stderr, "rtlarena: %s\n", incompleteNote(*summary).c_str());
      exitCode = kExitIncomplete;
      return;
    }
    exitCode = kExitOk;
  });
}

}  // namespace rtlarena::cli
