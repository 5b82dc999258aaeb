// Prompt rendering: a task becomes chat messages (system + user, optional in-context examples).
#pragma once

#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/llm/provider.h"
#include "rtlarena/tasks/task.h"

namespace rtlarena {

struct PromptOptions {
  int shots = 0;               ///< in-context examples
  std::string templateDir;     ///< empty: datasets/prompts
};

Result<std::vector<Message>> renderPrompt(const Task& task, const PromptOptions& options);

/// The messages as a JSON array of {role, content}.
std::string messagesToJson(const std::vector<Message>& messages);

}  // namespace rtlarena
