// Built-in providers. They answer synchronously, in the same fenced form a model would use, so
// the whole path (extraction included) is exercised by the controls.
#include "builtin_providers.h"

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/core/text.h"

namespace rtlarena {
namespace {

std::string fenced(const std::string& code) { return "```verilog\n" + code + "\n```\n"; }

class ReferenceProvider final : public Provider {
 public:
  std::string name() const override { return "reference"; }
  bool wantsPrompt() const override { return false; }
  void submit(const GenerationRequest& req, AnswerCallback onAnswer) override {
    for (int i = 0; i < req.count; ++i) {
      Answer a;
      a.sample = req.firstSample + i;
      a.text = fenced(req.task->goldenCandidate);
      a.finishReason = "stop";
      onAnswer(req, std::move(a));
    }
  }
};

class BadProvider final : public Provider {
 public:
  std::string name() const override { return "bad"; }
  bool wantsPrompt() const override { return false; }
  void submit(const GenerationRequest& req, AnswerCallback onAnswer) override {
    const auto& bad = req.task->badVariants;
    for (int i = 0; i < req.count; ++i) {
      Answer a;
      a.sample = req.firstSample + i;
      a.finishReason = "stop";
      if (bad.empty()) {
        a.text = "This task has no known-bad variants.";
      } else {
        a.text = fenced(bad[static_cast<std::size_t>(a.sample) % bad.size()].text);
      }
      onAnswer(req, std::move(a));
    }
  }
};

class ReplayProvider final : public Provider {
 public:
  ReplayProvider(std::string file, std::map<std::pair<std::string, int>, std::string> answers)
      : file_(std::move(file)), answers_(std::move(answers)) {}
  std::string name() const override { return "replay:" + file_; }
  bool wantsPrompt() const override { return false; }
  void submit(const GenerationRequest& req, AnswerCallback onAnswer) override {
    for (int i = 0; i < req.count; ++i) {
      Answer a;
      a.sample = req.firstSample + i;
      auto it = answers_.find({req.task->id, a.sample});
      if (it == answers_.end()) {
        a.error = true;
        a.errorMessage = file_ + " has no response for task " + req.task->id + " sample " + std::to_string(a.sample) +
                         " (incomplete, not a failure)";
        missing_[req.task->id] += 1;
      } else {
        a.text = it->second;
        a.finishReason = "stop";
      }
      onAnswer(req, std::move(a));
    }
  }

  // Missing answers are stored as llm_error (incomplete, not scored); say so once, here.
  void drain() override {
    if (missing_.empty()) return;
    int total = 0;
    std::string tasks;
    for (const auto& [task, n] : missing_) {
      total += n;
      if (tasks.size() < 200) tasks += (tasks.empty() ? "" : ", ") + task + " x" + std::to_string(n);
    }
    std::fprintf(stderr, "rtlarena: %s has no response for %d sample(s) (%s); they are stored as incomplete "
                 "(llm_error), not as failures, and left out of the scores\n", file_.c_str(), total, tasks.c_str());
    missing_.clear();
  }

 private:
  std::string file_;
  std::map<std::pair<std::string, int>, std::string> answers_;
  std::map<std::string, int> missing_;  ///< task → samples asked for that the file does not hold
};

}  // namespace

std::unique_ptr<Provider> makeReferenceProvider() { return std::make_unique<ReferenceProvider>(); }
std::unique_ptr<Provider> makeBadProvider() { return std::make_unique<BadProvider>(); }

Result<std::unique_ptr<Provider>> makeReplayProvider(const std::string& file) {
  auto text = readFile(file);
  if (!text) return text.error();
  std::map<std::pair<std::string, int>, std::string> answers;
  int lineNo = 0;
  for (auto line : splitLines(*text)) {
    ++lineNo;
    if (trim(line).empty()) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    auto where = file + ":" + std::to_string(lineNo) + ": ";
    if (j.is_discarded() || !j.is_object()) return makeError(ErrorCode::BadDataset, where + "not a JSON object");
    if (!j.contains("task_id") || !j["task_id"].is_string())
      return makeError(ErrorCode::BadDataset, where + "field 'task_id' must be a string");
    if (!j.contains("response") || !j["response"].is_string())
      return makeError(ErrorCode::BadDataset, where + "field 'response' must be a string");
    int sample = 0;
    if (j.contains("sample")) {
      if (!j["sample"].is_number_integer()) return makeError(ErrorCode::BadDataset, where + "field 'sample' must be an integer");
      sample = j["sample"].get<int>();
    }
    answers[{j["task_id"].get<std::string>(), sample}] = j["response"].get<std::string>();
  }
  return std::unique_ptr<Provider>(std::make_unique<ReplayProvider>(file, std::move(answers)));
}

}  // namespace rtlarena
