// Requests and extraction (see generate.h). Prompts are rendered once per task; contiguous
// missing indices go in one request so providers with native `n` answer them together.
#include "generate.h"

#include "rtlarena/core/hash.h"
#include "rtlarena/eval/extract.h"
#include "rtlarena/llm/prompt.h"

namespace rtlarena {

namespace {

std::string methodName(ExtractMethod m) {
  switch (m) {
    case ExtractMethod::None: return "none";
    case ExtractMethod::BeginDone: return "begin_done";
    case ExtractMethod::Fenced: return "fenced";
    case ExtractMethod::BareModule: return "bare_module";
    case ExtractMethod::Whole: return "whole";
  }
  return "none";
}

}  // namespace

SampleRecord sampleFromAnswer(const Task& task, const Answer& a, const std::string& promptJson) {
  SampleRecord s;
  s.taskId = task.id;
  s.sample = a.sample;
  s.promptJson = promptJson;
  s.rawAnswer = a.text;
  s.reasoning = a.reasoning;
  s.finishReason = a.finishReason;
  s.llmError = a.error;
  s.llmErrorMessage = a.errorMessage;
  s.tokensIn = a.tokensIn;
  s.tokensOut = a.tokensOut;
  s.latencySeconds = a.latencySeconds;
  s.attempts = a.attempts;
  if (!a.error) {
    ExtractOptions eo = extractOptionsFor(task);
    Extraction ex = extractCandidate(a.text, eo);
    s.code = ex.code;
    s.codeHash = ex.code.empty() ? "" : sha256Hex(ex.code);
    s.extractMethod = ex.truncated && ex.code.empty() ? "truncated" : methodName(ex.method);
    s.droppedModules = ex.droppedModules;
  }
  return s;
}

Status requestSamples(Provider& provider, const MissingSamples& missing, const RunOptions& options,
                      const std::function<void(const Task&, SampleRecord)>& onSample) {
  PromptOptions promptOptions{options.shots, options.promptTemplateDir};
  for (const auto& [task, indices] : missing) {
    if (indices.empty()) continue;
    GenerationRequest req;
    req.task = task;
    req.params = options.provider.params;
    if (provider.wantsPrompt()) {
      auto messages = renderPrompt(*task, promptOptions);
      if (!messages) return messages.error();
      req.messages = std::move(*messages);
    }
    const std::string promptJson = messagesToJson(req.messages);
    for (std::size_t i = 0; i < indices.size();) {
      std::size_t j = i + 1;
      while (j < indices.size() && indices[j] == indices[j - 1] + 1) ++j;
      req.firstSample = indices[i];
      req.count = static_cast<int>(j - i);
      // A copy: answers may arrive after this function returned.
      provider.submit(req, [onSample, promptJson](const GenerationRequest& r, Answer a) {
        onSample(*r.task, sampleFromAnswer(*r.task, a, promptJson));
      });
      i = j;
    }
  }
  return Ok{};
}

}  // namespace rtlarena
