// `rtlarena list suites|tasks`.
#include <cstdio>

#include "commands.h"
#include "common.h"
#include "rtlarena/tasks/suite.h"

namespace rtlarena::cli {

void addListCommand(CLI::App& app, int& exitCode) {
  struct Flags {
    std::string what, suite = "core";
  };
  auto f = std::make_shared<Flags>();
  CLI::App* sub = app.add_subcommand("list", "List built-in suites or the tasks of a suite");
  sub->add_option("what", f->what, "suites | tasks")->required()->check(CLI::IsMember({"suites", "tasks"}));
  sub->add_option("--suite", f->suite, "Suite whose tasks to list")->capture_default_str();
  sub->callback([f, &exitCode] {
    if (f->what == "suites") {
      for (const auto& s : listSuites()) {
        auto tasks = loadSuite(s);
        std::printf("%-16s %zu tasks\n", s.c_str(), tasks ? tasks->size() : 0);
      }
      exitCode = kExitOk;
      return;
    }
    auto tasks = loadSuite(f->suite);
    if (!tasks) { exitCode = reportError(tasks.error()); return; }
    std::printf("%-24s %-14s %-7s %s\n", "task", "kind", "level", "tags");
    for (const auto& t : *tasks) {
      std::string tags;
      for (const auto& tag : t.tags) tags += (tags.empty() ? "" : ",") + tag;
      std::printf("%-24s %-14s %-7s %s\n", t.id.c_str(), std::string(taskKindName(t.kind)).c_str(),
                  t.difficulty.c_str(), tags.c_str());
    }
    exitCode = kExitOk;
  });
}

}  // namespace rtlarena::cli
