// Extraction of assertion answers: property files have no top module to look for and nothing to
// prune, so the most explicit block the answer gives is taken as written. Also the one place that
// says which tasks' answers are extracted how.
#include <regex>

#include "rtlarena/core/text.h"
#include "rtlarena/eval/extract.h"
#include "rtlarena/tasks/task.h"

namespace rtlarena {

namespace {

struct Block {
  std::string body;
  bool closed = false;
};

std::vector<Block> fences(const std::string& text) {
  std::vector<Block> out;
  std::size_t pos = 0;
  while (true) {
    const std::size_t open = text.find("```", pos);
    if (open == std::string::npos) break;
    std::size_t body = text.find('\n', open);
    if (body == std::string::npos) {
      out.push_back({"", false});
      break;
    }
    ++body;
    const std::size_t close = text.find("```", body);
    if (close == std::string::npos) {
      out.push_back({text.substr(body), false});
      break;
    }
    out.push_back({text.substr(body, close - body), true});
    pos = close + 3;
  }
  return out;
}

bool asserts(const std::string& text) {
  static const std::regex re(R"((^|[^A-Za-z0-9_$])assert([^A-Za-z0-9_$]|$))");
  return std::regex_search(text, re);
}

}  // namespace

ExtractOptions extractOptionsFor(const Task& task) {
  ExtractOptions eo;
  eo.top = task.top;
  if (task.kind == TaskKind::CodeComplete) eo.interfaceHeader = task.interface;
  eo.properties = isFormalKind(task.kind);
  return eo;
}

Extraction extractProperties(const std::string& answer) {
  Extraction ex;
  const std::string text = stripReasoning(answer);
  auto take = [&](std::string code, ExtractMethod method) {
    if (trim(code).empty()) return;
    ex.code = std::move(code);
    if (ex.code.back() != '\n') ex.code += '\n';
    ex.method = method;
  };
  if (const std::size_t begin = text.find("[BEGIN]"); begin != std::string::npos) {
    const std::size_t done = text.find("[DONE]", begin);
    if (done == std::string::npos) {
      ex.truncated = true;
      return ex;
    }
    std::string inner = text.substr(begin + 7, done - begin - 7);
    auto inside = fences(inner);
    if (!inside.empty() && inside.front().closed) inner = inside.front().body;
    take(inner, ExtractMethod::BeginDone);
    return ex;
  }
  auto blocks = fences(text);
  if (!blocks.empty()) {
    std::string joined;
    for (const auto& b : blocks)
      if (b.closed && !trim(b.body).empty()) joined += (joined.empty() ? "" : "\n") + b.body;
    if (!joined.empty()) {
      take(joined, ExtractMethod::Fenced);
      return ex;
    }
    ex.truncated = !blocks.back().closed;
    return ex;
  }
  if (asserts(text)) take(text, ExtractMethod::Whole);
  return ex;
}

}  // namespace rtlarena
