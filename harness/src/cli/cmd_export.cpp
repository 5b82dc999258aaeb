// `rtlarena export DIR --jsonl`: one line per sample from a run's store.
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "common.h"
#include "rtlarena/store/store.h"

namespace rtlarena::cli {

void addExportCommand(CLI::App& app, int& exitCode) {
  struct Flags {
    std::string dir;
    bool jsonl = true;
  };
  auto f = std::make_shared<Flags>();
  CLI::App* sub = app.add_subcommand("export", "Export a run's samples and verdicts");
  sub->add_option("dir", f->dir, "Run directory (holding results.sqlite)")->required();
  sub->add_flag("--jsonl", f->jsonl, "One JSON object per line (the default)");
  sub->callback([f, &exitCode] {
    auto store = Store::openReadOnly(f->dir);
    if (!store) { exitCode = reportError(store.error()); return; }
    auto samples = (*store)->samples();
    auto evals = (*store)->evaluations("native");
    if (!samples) { exitCode = reportError(samples.error()); return; }
    if (!evals) { exitCode = reportError(evals.error()); return; }
    std::map<std::pair<std::string, int>, const EvalRecord*> byKey;
    for (const auto& e : *evals) byKey[{e.taskId, e.sample}] = &e;
    for (const auto& s : *samples) {
      nlohmann::json j = {{"task_id", s.taskId}, {"sample", s.sample}, {"code", s.code}};
      auto it = byKey.find({s.taskId, s.sample});
      j["verdict"] = it == byKey.end() ? "pending" : std::string(verdictName(it->second->eval.verdict));
      j["class"] = it == byKey.end() ? "" : it->second->eval.cls;
      std::printf("%s\n", j.dump().c_str());
    }
    exitCode = kExitOk;
  });
}

}  // namespace rtlarena::cli
