// Prompt rendering from the template files in datasets/prompts/ (or --prompt-template DIR):
// system.txt, spec-to-rtl.txt, code-complete.txt (assertion.txt and nl2sva.txt for those kinds,
// which also have {design}) with {spec}, {interface}, {top} and {format}
// placeholders; format.txt (the output-format instruction, optional) fills {format};
// answer.txt (optional, with {code}) shapes the answers of in-context examples.
// In-context examples come from DIR/examples/: task folders of ours (docs/TASK_FORMAT.md),
// rendered with the same templates, or literal pairs user.txt + assistant.txt, which let a
// user replay another benchmark's published examples verbatim. Literal pairs come first,
// then task examples of the same kind as the task, then the others, each in folder order.
#include "rtlarena/llm/prompt.h"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/core/text.h"
#include "rtlarena/tasks/suite.h"

namespace rtlarena {

namespace fs = std::filesystem;

namespace {

struct Templates {
  std::string system, specToRtl, codeComplete, format, answer;
  std::string assertion, nl2sva;  ///< optional: needed only by those kinds of task
};

Result<std::string> required(const fs::path& file) {
  auto text = readFile(file);
  if (!text) return makeError(ErrorCode::BadConfig, file.string() + ": missing prompt template");
  return text;
}

Result<Templates> loadTemplates(const fs::path& dir) {
  Templates t;
  auto system = required(dir / "system.txt");
  if (!system) return system.error();
  auto spec = required(dir / "spec-to-rtl.txt");
  if (!spec) return spec.error();
  auto complete = required(dir / "code-complete.txt");
  if (!complete) return complete.error();
  t.system = std::string(trim(*system));
  t.specToRtl = *spec;
  t.codeComplete = *complete;
  if (auto f = readFile(dir / "format.txt")) t.format = std::string(trim(*f));
  if (auto a = readFile(dir / "assertion.txt")) t.assertion = *a;
  if (auto a = readFile(dir / "nl2sva.txt")) t.nl2sva = *a;
  auto answer = readFile(dir / "answer.txt");
  t.answer = answer ? std::string(trim(*answer)) : "[BEGIN]\n{code}\n[DONE]";
  return t;
}

std::string fill(const Templates& t, const Task& task) {
  std::string text = task.kind == TaskKind::CodeComplete ? t.codeComplete
                     : task.kind == TaskKind::Assertion  ? t.assertion
                     : task.kind == TaskKind::Nl2sva     ? t.nl2sva
                                                         : t.specToRtl;
  if (isFormalKind(task.kind)) text = replaceAll(text, "{design}", std::string(trim(task.reference)));
  // {format} first: it may itself name {top}.
  text = replaceAll(text, "{format}", t.format);
  text = replaceAll(text, "{spec}", std::string(trim(task.spec)));
  text = replaceAll(text, "{interface}", task.interface);
  text = replaceAll(text, "{top}", task.top);
  return std::string(trim(text));
}

struct Example {
  std::string user, assistant;
  int rank = 0;  // 0 literal, 1 same kind, 2 other kind
  std::string name;
};

Result<std::vector<Example>> loadExamples(const fs::path& dir, const Templates& t, TaskKind kind) {
  std::vector<Example> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  std::vector<fs::path> folders;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_directory()) folders.push_back(e.path());
  std::sort(folders.begin(), folders.end());
  for (const auto& f : folders) {
    if (fs::exists(f / "user.txt") && fs::exists(f / "assistant.txt")) {
      auto user = readFile(f / "user.txt");
      auto assistant = readFile(f / "assistant.txt");
      if (!user || !assistant) return makeError(ErrorCode::BadConfig, f.string() + ": cannot read the example");
      out.push_back({std::string(trim(*user)), std::string(trim(*assistant)), 0, f.filename().string()});
    } else if (fs::exists(f / "task.json")) {
      auto ex = loadTaskDir(f, "examples", /*withBadVariants=*/false);
      if (!ex) return ex.error();
      out.push_back({fill(t, *ex), replaceAll(t.answer, "{code}", std::string(trim(ex->goldenCandidate))),
                     ex->kind == kind ? 1 : 2, f.filename().string()});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Example& a, const Example& b) { return a.rank < b.rank; });
  return out;
}

}  // namespace

Result<std::vector<Message>> renderPrompt(const Task& task, const PromptOptions& options) {
  fs::path dir = options.templateDir.empty() ? datasetsRoot() / "prompts" : fs::path(options.templateDir);
  auto templates = loadTemplates(dir);
  if (!templates) return templates.error();
  if ((task.kind == TaskKind::Assertion && templates->assertion.empty()) ||
      (task.kind == TaskKind::Nl2sva && templates->nl2sva.empty()))
    return makeError(ErrorCode::BadConfig, (dir / (std::string(taskKindName(task.kind)) + ".txt")).string() +
                                               ": missing prompt template (needed by task '" + task.id + "')");

  std::vector<Message> messages;
  messages.push_back({"system", templates->system});
  if (options.shots > 0) {
    auto examples = loadExamples(dir / "examples", *templates, task.kind);
    if (!examples) return examples.error();
    if (options.shots > static_cast<int>(examples->size()))
      return makeError(ErrorCode::BadArgument, "--shots " + std::to_string(options.shots) + " but only " +
                                                   std::to_string(examples->size()) + " examples exist in " +
                                                   (dir / "examples").string());
    for (int i = 0; i < options.shots; ++i) {
      const Example& ex = (*examples)[static_cast<std::size_t>(i)];
      messages.push_back({"user", ex.user});
      messages.push_back({"assistant", ex.assistant});
    }
  }
  messages.push_back({"user", fill(*templates, task)});
  return messages;
}

std::string messagesToJson(const std::vector<Message>& messages) {
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& m : messages) arr.push_back({{"role", m.role}, {"content", m.content}});
  return arr.dump();
}

}  // namespace rtlarena
