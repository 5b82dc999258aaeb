// Prompt rendering from the template files in datasets/prompts/ (or --prompt-template DIR):
// system.txt, spec-to-rtl.txt, code-complete.txt with {spec}, {interface}, {top} placeholders.
#include "rtlarena/llm/prompt.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/core/text.h"
#include "rtlarena/tasks/suite.h"

namespace rtlarena {

namespace fs = std::filesystem;

namespace {

std::string fill(std::string text, const Task& task) {
  text = replaceAll(text, "{spec}", std::string(trim(task.spec)));
  text = replaceAll(text, "{interface}", task.interface);
  text = replaceAll(text, "{top}", task.top);
  return text;
}

}  // namespace

Result<std::vector<Message>> renderPrompt(const Task& task, const PromptOptions& options) {
  fs::path dir = options.templateDir.empty() ? datasetsRoot() / "prompts" : fs::path(options.templateDir);
  auto system = readFile(dir / "system.txt");
  if (!system) return makeError(ErrorCode::BadConfig, (dir / "system.txt").string() + ": missing prompt template");
  const char* userFile = task.kind == TaskKind::CodeComplete ? "code-complete.txt" : "spec-to-rtl.txt";
  auto user = readFile(dir / userFile);
  if (!user) return makeError(ErrorCode::BadConfig, (dir / userFile).string() + ": missing prompt template");

  std::vector<Message> messages;
  messages.push_back({"system", std::string(trim(*system))});
  if (options.shots > 0) {
    auto examples = loadSuiteDir(dir / "examples");
    if (!examples) return examples.error();
    if (options.shots > static_cast<int>(examples->size()))
      return makeError(ErrorCode::BadArgument, "--shots " + std::to_string(options.shots) + " but only " +
                                                   std::to_string(examples->size()) + " examples exist in " +
                                                   (dir / "examples").string());
    for (int i = 0; i < options.shots; ++i) {
      const Task& ex = (*examples)[static_cast<std::size_t>(i)];
      auto exUser = readFile(dir / (ex.kind == TaskKind::CodeComplete ? "code-complete.txt" : "spec-to-rtl.txt"));
      if (!exUser) return exUser.error();
      messages.push_back({"user", fill(*exUser, ex)});
      messages.push_back({"assistant", "[BEGIN]\n" + std::string(trim(ex.goldenCandidate)) + "\n[DONE]"});
    }
  }
  messages.push_back({"user", fill(*user, task)});
  return messages;
}

std::string messagesToJson(const std::vector<Message>& messages) {
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& m : messages) arr.push_back({{"role", m.role}, {"content", m.content}});
  return arr.dump();
}

}  // namespace rtlarena
