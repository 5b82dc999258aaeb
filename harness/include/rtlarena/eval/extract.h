// Extraction: from a model's raw answer to candidate source code.
#pragma once

#include <string>
#include <vector>

namespace rtlarena {

enum class ExtractMethod { None, BeginDone, Fenced, BareModule, Whole };

struct Extraction {
  std::string code;          ///< empty when nothing usable was found
  ExtractMethod method = ExtractMethod::None;
  bool truncated = false;    ///< a module or fence was opened but never closed
  std::vector<std::string> droppedModules;  ///< design units the top never reaches, cut from `code`
};

struct ExtractOptions {
  std::string top = "TopModule";
  std::string interfaceHeader;  ///< code-complete: prepended when the answer lacks the header
  bool properties = false;      ///< the answer is assertions (extractProperties), not a module
};

/// The options a task's answers are extracted with.
struct Task;
ExtractOptions extractOptionsFor(const Task& task);

/// Assertion answers: the text between [BEGIN] and [DONE] (a fence inside taken as its body),
/// else every closed fenced block joined, else the whole answer when it asserts anything.
/// Nothing is pruned: property files need no top module.
Extraction extractProperties(const std::string& answer);

/// Drops <think>…</think>, then prefers [BEGIN]…[DONE], then the fenced block that defines the
/// top module (all fenced blocks when several modules are needed), then bare modules. The
/// chosen code is then pruned to the units `options.top` reaches (see pruneToTop).
Extraction extractCandidate(const std::string& answer, const ExtractOptions& options);

/// Removes reasoning blocks (<think>…</think>, <reasoning>…</reasoning>), including an
/// unterminated one at the start.
std::string stripReasoning(const std::string& answer);

}  // namespace rtlarena
