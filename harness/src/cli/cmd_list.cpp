// `rtlarena list suites|tasks`: the built-in suites, or the tasks of a suite or of another
// benchmark's dataset; as text or as one JSON object.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "common.h"
#include "shared_flags.h"
#include "rtlarena/tasks/dataset.h"
#include "rtlarena/tasks/suite.h"

namespace rtlarena::cli {

namespace {

struct ListFlags {
  std::string what, suite = "core", dataset;
  bool json = false;
};

int listSuitesCommand(bool json) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : listSuites()) {
    auto tasks = loadSuite(s);
    const std::size_t n = tasks ? tasks->size() : 0;
    if (json) out.push_back({{"suite", s}, {"tasks", n}});
    else std::printf("%-16s %zu tasks\n", s.c_str(), n);
  }
  if (json) printJson(nlohmann::json{{"suites", out}}.dump());
  return kExitOk;
}

int listTasksCommand(const ListFlags& f) {
  auto tasks = f.dataset.empty() ? loadSuite(f.suite) : loadDataset(f.dataset);
  if (!tasks) return reportError(tasks.error());
  if (f.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& t : *tasks)
      out.push_back({{"id", t.id}, {"kind", std::string(taskKindName(t.kind))}, {"difficulty", t.difficulty},
                     {"tags", t.tags}, {"top", t.top}});
    printJson(nlohmann::json{{"suite", f.dataset.empty() ? f.suite : f.dataset}, {"tasks", out}}.dump());
    return kExitOk;
  }
  std::printf("%-24s %-14s %-7s %s\n", "task", "kind", "level", "tags");
  for (const auto& t : *tasks) {
    std::string tags;
    for (const auto& tag : t.tags) tags += (tags.empty() ? "" : ",") + tag;
    std::printf("%-24s %-14s %-7s %s\n", t.id.c_str(), std::string(taskKindName(t.kind)).c_str(), t.difficulty.c_str(),
                tags.c_str());
  }
  return kExitOk;
}

}  // namespace

void addListCommand(CLI::App& app, int& exitCode) {
  auto f = std::make_shared<ListFlags>();
  CLI::App* sub = app.add_subcommand("list", "List built-in suites or the tasks of a suite or dataset");
  sub->add_option("what", f->what, "suites | tasks")->required()->check(CLI::IsMember({"suites", "tasks"}));
  auto* suite = sub->add_option("--suite", f->suite, "Suite (name or folder) whose tasks to list");
  sub->add_option("--dataset", f->dataset, "FORMAT:PATH of another benchmark whose problems to list")->excludes(suite);
  addJsonFlag(*sub, f->json, "Print {suites: [...]} or {suite, tasks: [{id, kind, difficulty, tags, top}]}");
  sub->callback([f, &exitCode] { exitCode = f->what == "suites" ? listSuitesCommand(f->json) : listTasksCommand(*f); });
}

}  // namespace rtlarena::cli
