// Loading native suites from datasets/<suite>/<task>/ folders, with task.json validation.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/tasks/task.h"

namespace rtlarena {

/// Loads one native task folder; BadTask errors name the file and the field.
/// `withBadVariants`: an evaluation task must bring at least two wrong designs; a few-shot
/// example for prompts brings none.
Result<Task> loadTaskDir(const std::filesystem::path& dir, const std::string& suite, bool withBadVariants = true);

/// Loads every task folder of a suite directory, sorted by id.
Result<std::vector<Task>> loadSuiteDir(const std::filesystem::path& dir, bool withBadVariants = true);

/// datasets/ under the project root.
std::filesystem::path datasetsRoot();

/// Names of the suites under datasets/ (folders holding task folders).
std::vector<std::string> listSuites();

/// Loads a built-in suite by name.
Result<std::vector<Task>> loadSuite(const std::string& name);

}  // namespace rtlarena
