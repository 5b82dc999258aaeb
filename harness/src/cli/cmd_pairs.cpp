// `rtlarena pairs RUN_DIR --out pairs.jsonl`: DPO preference pairs from a
// stored run.
#include <cstdio>
#include <string>

#include "commands.h"
#include "common.h"
#include "rtlarena/core/files.h"
#include "rtlarena/serve/preference_pairs.h"

namespace rtlarena::cli {

void addPairsCommand(CLI::App& app, int& exitCode) {
  struct Flags {
    std::string dir, out;
    int perTask = 4;
  };
  auto f = std::make_shared<Flags>();
  CLI::App* sub = app.add_subcommand("pairs",
                                     "DPO preference pairs {prompt, chosen, "
                                     "rejected, task_id, reason} from a run");
  sub->add_option("dir", f->dir, "Run directory (holding results.sqlite); read only")->required();
  sub->add_option("--out", f->out, "The JSONL file to write")->required();
  sub->add_option("--per-task", f->perTask, "Pairs per task at most")->capture_default_str()->check(CLI::PositiveNumber);
  sub->callback([f, &exitCode] {
    PairOptions o;
    o.perTask = f->perTask;
    auto pairs = preferencePairs(f->dir, o);
    if (!pairs) {
      exitCode = reportError(pairs.error());
      return;
    }
    std::string text;
    std::size_t tasks = 0;
    std::string last;
    for (const auto& p : *pairs) {
      text += pairToJson(p) + "\n";
      if (p.taskId != last) ++tasks;
      last = p.taskId;
    }
    if (auto s = writeFile(f->out, text); !s) {
      exitCode = reportError(s.error());
      return;
    }
    std::printf("%zu pairs from %zu tasks written to %s\n", pairs->size(), tasks, f->out.c_str());
    exitCode = kExitOk;
  });
}

}  // namespace rtlarena::cli
