// Extraction of candidate code from an answer. Reasoning is dropped first so code inside a
// <think> block is never taken; then the most explicit form the answer uses wins. Last, units
// the top never reaches (an example testbench, unused helpers) are cut so they are not judged.
#include "rtlarena/eval/extract.h"

#include <regex>
#include <vector>

#include "rtlarena/core/text.h"
#include "rtlarena/eval/module_prune.h"

namespace rtlarena {
namespace {

struct Fence {
  std::string body;
  bool closed = false;
};

std::vector<Fence> fencedBlocks(const std::string& text) {
  std::vector<Fence> blocks;
  std::size_t pos = 0;
  while (true) {
    std::size_t open = text.find("```", pos);
    if (open == std::string::npos) break;
    std::size_t bodyStart = text.find('\n', open);
    if (bodyStart == std::string::npos) {
      blocks.push_back({"", false});
      break;
    }
    ++bodyStart;
    std::size_t close = text.find("```", bodyStart);
    if (close == std::string::npos) {
      blocks.push_back({text.substr(bodyStart), false});
      break;
    }
    blocks.push_back({text.substr(bodyStart, close - bodyStart), true});
    pos = close + 3;
  }
  return blocks;
}

bool definesModule(const std::string& code, const std::string& name) {
  std::regex re("(^|[^A-Za-z0-9_$])module\\s+" + name + "([^A-Za-z0-9_$]|$)");
  return std::regex_search(code, re);
}

bool hasEndmodule(const std::string& code) { return contains(code, "endmodule"); }

// From the first `module` keyword to the last `endmodule`.
std::string bareModules(const std::string& text, bool& truncated) {
  std::regex moduleRe("(^|\\n)\\s*module\\s");
  std::smatch m;
  if (!std::regex_search(text, m, moduleRe)) return {};
  std::size_t start = static_cast<std::size_t>(m.position(0)) + (m[1].length());
  std::size_t end = text.rfind("endmodule");
  if (end == std::string::npos || end < start) {
    truncated = true;
    return {};
  }
  return text.substr(start, end + 9 - start) + "\n";
}

}  // namespace

std::string stripReasoning(const std::string& answer) {
  std::string out = answer;
  for (const auto& [open, close] : {std::pair<std::string, std::string>{"<think>", "</think>"},
                                    {"<reasoning>", "</reasoning>"}}) {
    // A closing tag without an opening one: servers that strip the opening tag.
    std::size_t firstClose = out.find(close);
    std::size_t firstOpen = out.find(open);
    if (firstClose != std::string::npos && (firstOpen == std::string::npos || firstClose < firstOpen))
      out = out.substr(firstClose + close.size());
    while (true) {
      std::size_t o = out.find(open);
      if (o == std::string::npos) break;
      std::size_t c = out.find(close, o);
      if (c == std::string::npos) {
        out.erase(o);  // unterminated reasoning: the rest was never an answer
        break;
      }
      out.erase(o, c + close.size() - o);
    }
  }
  return out;
}

Extraction extractCandidate(const std::string& answer, const ExtractOptions& options) {
  if (options.properties) return extractProperties(answer);
  Extraction ex;
  const std::string text = stripReasoning(answer);

  auto finish = [&](std::string code, ExtractMethod method) {
    if (trim(code).empty()) return;
    if (!options.interfaceHeader.empty() && !definesModule(code, options.top)) {
      code = options.interfaceHeader + "\n" + code;
    }
    if (!hasEndmodule(code)) {
      ex.truncated = true;
      return;
    }
    PruneResult pruned = pruneToTop(code, options.top);
    ex.code = std::move(pruned.code);
    ex.droppedModules = std::move(pruned.dropped);
    ex.method = method;
  };

  std::size_t begin = text.find("[BEGIN]");
  if (begin != std::string::npos) {
    std::size_t done = text.find("[DONE]", begin);
    if (done == std::string::npos) {
      ex.truncated = true;
      return ex;
    }
    std::string inner = text.substr(begin + 7, done - begin - 7);
    // A fence inside the tags is common: take its body.
    auto inside = fencedBlocks(inner);
    if (!inside.empty() && inside.front().closed) inner = inside.front().body;
    finish(inner, ExtractMethod::BeginDone);
    return ex;
  }

  auto blocks = fencedBlocks(text);
  if (!blocks.empty()) {
    int topBlock = -1;
    for (int i = 0; i < static_cast<int>(blocks.size()); ++i)
      if (blocks[i].closed && definesModule(blocks[i].body, options.top)) topBlock = i;
    if (topBlock >= 0) {
      std::string code = blocks[topBlock].body;
      // Helper modules written in separate blocks, each once.
      for (int i = 0; i < static_cast<int>(blocks.size()); ++i) {
        if (i == topBlock || !blocks[i].closed || definesModule(blocks[i].body, options.top)) continue;
        std::smatch m;
        std::regex nameRe("(^|[^A-Za-z0-9_$])module\\s+([A-Za-z_][A-Za-z0-9_$]*)");
        if (std::regex_search(blocks[i].body, m, nameRe) && !definesModule(code, m[2].str()))
          code += "\n" + blocks[i].body;
      }
      finish(code, ExtractMethod::Fenced);
      return ex;
    }
    // No block defines the top: a code-complete body, or an unclosed fence.
    for (const auto& b : blocks) {
      if (b.closed && hasEndmodule(b.body)) {
        finish(b.body, ExtractMethod::Fenced);
        if (!ex.code.empty()) return ex;
      }
    }
    if (!blocks.back().closed && definesModule(blocks.back().body, options.top)) {
      std::string body = blocks.back().body;
      if (!hasEndmodule(body)) {
        ex.truncated = true;
        return ex;
      }
    }
  }

  bool truncated = false;
  std::string bare = bareModules(text, truncated);
  if (!bare.empty()) {
    finish(bare, ExtractMethod::BareModule);
    return ex;
  }
  if (truncated) {
    ex.truncated = true;
    return ex;
  }
  // Code-complete answers may be just the body ending in endmodule.
  if (!options.interfaceHeader.empty() && hasEndmodule(text) && blocks.empty()) {
    std::size_t end = text.rfind("endmodule");
    finish(text.substr(0, end + 9) + "\n", ExtractMethod::Whole);
  }
  return ex;
}

}  // namespace rtlarena
