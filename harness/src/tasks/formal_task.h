// The rest of a native task folder of kind `assertion` or `nl2sva` (after id, kind and top).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>

#include "rtlarena/core/result.h"
#include "rtlarena/tasks/task.h"

namespace rtlarena {

/// Reads tags, difficulty, the `formal` settings, spec.md, design.sv (module `top`), golden.sv
/// and bad/*.sv into `t`. BadTask errors name the file and the field.
Result<Task> loadFormalTask(const std::filesystem::path& dir, const nlohmann::json& j, Task t, bool withBadVariants);

/// The formal settings as task meta: "clock", "reset", "reset_active" (high, low or none).
Status readFormalSettings(const nlohmann::json& formal, Task& t, const std::filesystem::path& file);

}  // namespace rtlarena
